import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { AfterPhotoPicker, type PickedPhoto } from './AfterPhotoPicker';
import type { ActionFormProps } from './ActionForm';
import { missingForResolve, resolutionFor } from './resolveRules';
import { insertTemplate, TemplatePicker } from './TemplatePicker';
import type { ActionExtra } from './useReportAction';
import { useTemplates } from './useTemplates';
import './resolve.css';

/**
 * Resolving a report: the public reply the resident will read (templates of the category can start it)
 * and photos of the result. What is required comes from the category (both, unless an admin said
 * otherwise); the same checks run here before anything is sent, and the server's refusals show by the field.
 */
export function ResolveForm({
  report,
  focus = null,
  busy,
  serverErrors,
  onSubmit,
  onCancel,
}: ActionFormProps & {
  report: Pick<StaffReportView, 'category'>;
  onSubmit: (extra: ActionExtra, photos: Blob[]) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const categories = useCategories();
  const rules = resolutionFor(categories.data, report.category.code);
  const templates = useTemplates(report.category.code, 'resolve');
  const [reply, setReply] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [processing, setProcessing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const initialFocus = useRef(focus);
  // Server errors on a photo (`photos.0`) belong to the photo field.
  const serverPhotoError =
    serverErrors.photos ?? Object.entries(serverErrors).find(([p]) => p.startsWith('photos.'))?.[1];
  const shown: Record<string, string | undefined> = {
    ...serverErrors,
    ...(serverPhotoError ? { photos: serverPhotoError } : {}),
    ...errors,
  };

  useEffect(() => {
    if (initialFocus.current) textarea.current?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (processing) return setErrors({ photos: t('report.photos.wait') });
    const errs: Record<string, string> = {};
    for (const path of missingForResolve(rules, reply, photos.length)) {
      errs[path] = path === 'note' ? t('desk.reply.required') : t('desk.afterPhoto.required');
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      // The first field to fix gets the keyboard.
      const first = errs.note
        ? textarea.current
        : form.current?.querySelector<HTMLElement>('[data-testid="after-photo-camera"]');
      first?.focus();
      return;
    }
    const note = reply.trim();
    onSubmit(
      note ? { note: note.slice(0, LIMITS.noteMax) } : {},
      photos.map((p) => p.blob),
    );
  };

  const replyDescribedBy = [`${uid}-hint`, shown.note ? `${uid}-note-err` : ''].filter(Boolean).join(' ');
  return (
    <form
      ref={form}
      className="action-form resolve-form"
      onSubmit={submit}
      noValidate
      data-testid="action-form-resolve"
      aria-label={t('action.resolve')}
    >
      <TemplatePicker
        templates={templates}
        onInsert={(text) => {
          setReply((r) => insertTemplate(r, text).slice(0, LIMITS.noteMax));
          setErrors(({ note: _note, ...rest }) => rest);
          textarea.current?.focus();
        }}
      />
      <div className={`field${shown.note ? ' has-error' : ''}`}>
        <label htmlFor={`${uid}-note`}>
          {t('form.resolveNote')}{' '}
          <span className={rules.reply ? 'required-mark' : 'optional'} data-testid="reply-requirement">
            ({rules.reply ? t('desk.required') : t('common.optional')})
          </span>
        </label>
        <textarea
          ref={textarea}
          id={`${uid}-note`}
          rows={4}
          maxLength={LIMITS.noteMax}
          value={reply}
          data-testid="resolve-reply"
          aria-invalid={shown.note ? true : undefined}
          aria-describedby={replyDescribedBy}
          onChange={(e) => setReply(e.target.value)}
        />
        <p id={`${uid}-hint`} className="hint">
          {t('form.resolveNote.hint')}
        </p>
        {shown.note && (
          <p id={`${uid}-note-err`} className="field-error" role="alert" data-testid="error-note">
            {shown.note}
          </p>
        )}
      </div>
      <AfterPhotoPicker
        photos={photos}
        required={rules.photo}
        error={shown.photos}
        onBusy={setProcessing}
        onAdd={(added) => {
          setPhotos((prev) => [...prev, ...added].slice(0, LIMITS.photosMax));
          setErrors(({ photos: _photos, ...rest }) => rest);
        }}
        onRemove={(id) => setPhotos((prev) => prev.filter((p) => p.id !== id))}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="resolve-submit">
          {busy ? t('desk.sending') : t('common.confirm')}
        </button>
      </div>
    </form>
  );
}

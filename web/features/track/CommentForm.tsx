import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { addPhotos, type PhotoProblem } from './photoChoice';
import { residentApi } from './residentApi';
import { ResidentMessageLine } from './ResidentMessageLine';
import { useResidentSubmit } from './useResidentSubmit';

/** Small previews of the chosen files (object URLs, released when the list changes). */
function usePreviews(files: readonly File[]): string[] {
  const urls = useMemo(
    () => (typeof URL.createObjectURL === 'function' ? files.map((f) => URL.createObjectURL(f)) : []),
    [files],
  );
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

/** A resident adds information to their report: some text, up to 3 photos, or both. */
export function CommentForm({
  code,
  token,
  onUpdated,
}: {
  code: string;
  token: string;
  onUpdated?: (report: PublicReportView) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [problems, setProblems] = useState<PhotoProblem[]>([]);
  const [empty, setEmpty] = useState(false);
  const previews = usePreviews(photos);
  const send = useResidentSubmit(onUpdated);
  const textError = empty ? t('comment.required') : send.fieldErrors.text;
  const photoErrors = [
    ...problems.map((p) =>
      p.kind === 'tooMany'
        ? t('comment.photos.tooMany', { max: p.max })
        : p.kind === 'tooBig'
          ? t('comment.photos.tooBig', { name: p.name, mb: p.mb })
          : t('comment.photos.notImage', { name: p.name }),
    ),
    ...(send.fieldErrors.photos ? [send.fieldErrors.photos] : []),
  ];

  const pick = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(e.target.files ?? []);
    const next = addPhotos(photos, picked);
    setPhotos(next.photos);
    setProblems(next.problems);
    setEmpty(false);
    // Let the same file be picked again after removing it.
    e.target.value = '';
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body && photos.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const ok = await send.submit(() => residentApi.comment(code, token, body, photos), t('comment.sent'));
    if (ok) {
      setText('');
      setPhotos([]);
      setProblems([]);
    }
  };

  return (
    <section className="card resident-card" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="section-title">
        {t('comment.title')}
      </h2>
      <form className="form-stack" onSubmit={submit} noValidate data-testid="comment-form">
        <div className={`field${textError ? ' has-error' : ''}`}>
          <label htmlFor={`${uid}-text`}>{t('comment.text')}</label>
          <textarea
            id={`${uid}-text`}
            rows={3}
            maxLength={LIMITS.commentMax}
            value={text}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? `${uid}-text-err` : undefined}
            data-testid="comment-text"
            onChange={(e) => {
              setText(e.target.value);
              setEmpty(false);
            }}
          />
          {textError && (
            <p id={`${uid}-text-err`} className="field-error" role="alert">
              {textError}
            </p>
          )}
        </div>
        <div className={`field${photoErrors.length ? ' has-error' : ''}`}>
          {/* The native input stays (keyboard, screen readers, the phone's camera); its English-only
              "Choose Files" text is hidden behind a label drawn as a button in the interface language. */}
          <label
            htmlFor={`${uid}-photos`}
            className={`btn btn-secondary file-button${photos.length >= LIMITS.photosMax ? ' disabled' : ''}`}
          >
            <span aria-hidden="true">📷</span> {t('comment.photos', { max: LIMITS.photosMax })}
          </label>
          <input
            ref={fileInput}
            id={`${uid}-photos`}
            className="file-input"
            type="file"
            accept="image/*"
            multiple
            disabled={photos.length >= LIMITS.photosMax}
            aria-describedby={`${uid}-photos-hint${photoErrors.length ? ` ${uid}-photos-err` : ''}`}
            data-testid="comment-photos"
            onChange={pick}
          />
          <p id={`${uid}-photos-hint`} className="hint">
            {t('comment.photos.hint', { mb: Math.round(LIMITS.photoMaxBytes / 1048576) })}
          </p>
          {photoErrors.length > 0 && (
            <div id={`${uid}-photos-err`} role="alert">
              {photoErrors.map((m) => (
                <p key={m} className="field-error">
                  {m}
                </p>
              ))}
            </div>
          )}
          {photos.length > 0 && (
            <ul className="chosen-photos" aria-label={t('comment.photos.chosen')} data-testid="chosen-photos">
              {photos.map((f, i) => (
                <li key={`${f.name}-${i}`}>
                  {previews[i] && <img src={previews[i]} alt="" width={56} height={56} />}
                  <span className="chosen-name">{f.name}</span>
                  <button
                    type="button"
                    className="btn btn-small btn-secondary"
                    aria-label={t('comment.photos.remove', { name: f.name })}
                    onClick={() => {
                      setPhotos(photos.filter((_, j) => j !== i));
                      setProblems([]);
                      // The input is enabled again on the next render: focus it then.
                      requestAnimationFrame(() => fileInput.current?.focus());
                    }}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={send.busy} data-testid="comment-submit">
            {send.busy ? t('resident.sending') : t('comment.submit')}
          </button>
        </div>
        <ResidentMessageLine message={send.message} testId="comment-message" />
      </form>
    </section>
  );
}

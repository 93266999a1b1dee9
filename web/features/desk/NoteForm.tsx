import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';

/** An internal note: staff only, never shown to residents. */
export function NoteForm({
  busy,
  serverError,
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  serverError?: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const shown = error ?? serverError;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('form.note.required'));
    setError(null);
    onSubmit(text.trim());
  };
  return (
    <form className="action-form" onSubmit={submit} noValidate data-testid="note-form" aria-label={t('triage.note')}>
      <div className={`field${shown ? ' has-error' : ''}`}>
        <label htmlFor={`${uid}-note`}>{t('triage.note.label')}</label>
        <textarea
          id={`${uid}-note`}
          rows={3}
          autoFocus
          maxLength={LIMITS.noteMax}
          value={text}
          data-testid="note-text"
          aria-describedby={`${uid}-hint${shown ? ` ${uid}-err` : ''}`}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${uid}-hint`} className="hint">
          {t('triage.note.hint')}
        </p>
        {shown && (
          <p id={`${uid}-err`} className="field-error" role="alert">
            {shown}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('triage.note.submit')}
        </button>
      </div>
    </form>
  );
}

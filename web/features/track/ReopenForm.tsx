import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import { residentApi } from './residentApi';
import { ResidentMessageLine } from './ResidentMessageLine';
import { useResidentSubmit } from './useResidentSubmit';

/** "Chưa được khắc phục? Mở lại": opens a small form asking why; the reason is required. */
export function ReopenForm({
  code,
  token,
  reopenUntil,
  onUpdated,
  onSubmitting,
}: {
  code: string;
  token: string;
  /** Null once the report left "resolved" (the form then only shows its outcome). */
  reopenUntil: string | null;
  onUpdated?: (report: PublicReportView) => void;
  /** Called as the reopening is sent (the page keeps the form's outcome on screen). */
  onSubmitting?: () => void;
}) {
  const { t, lang } = useI18n();
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const send = useResidentSubmit(onUpdated);
  const reasonError = missing ? t('reopen.reason.required') : send.fieldErrors.reason;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmitting?.();
    const ok = await send.submit(() => residentApi.reopen(code, token, text), t('reopen.sent'));
    if (ok) {
      setOpen(false);
      setDone(true);
    }
  };

  if (done || !reopenUntil) {
    return (
      <section className="card resident-card reopen-card" aria-label={t('reopen.submit')}>
        <ResidentMessageLine message={send.message} testId="reopen-message" />
      </section>
    );
  }

  return (
    <section className="card resident-card reopen-card" aria-label={t('reopen.submit')}>
      <button
        type="button"
        className="btn btn-danger-outline"
        aria-expanded={open}
        aria-controls={`${uid}-form`}
        data-testid="reopen-button"
        onClick={() => {
          setOpen((o) => !o);
          send.clear();
        }}
      >
        {t('reopen.button')}
      </button>
      <p className="hint reopen-until">{t('reopen.until', { date: formatDateTime(reopenUntil, lang) })}</p>
      {open && (
        <form id={`${uid}-form`} className="form-stack" onSubmit={submit} noValidate data-testid="reopen-form">
          <div className={`field${reasonError ? ' has-error' : ''}`}>
            <label htmlFor={`${uid}-reason`}>{t('reopen.reason')}</label>
            <textarea
              id={`${uid}-reason`}
              rows={3}
              required
              maxLength={LIMITS.reasonMax}
              value={reason}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${uid}-reason-err` : undefined}
              data-testid="reopen-reason"
              onChange={(e) => setReason(e.target.value)}
            />
            {reasonError && (
              <p id={`${uid}-reason-err`} className="field-error" role="alert">
                {reasonError}
              </p>
            )}
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" disabled={send.busy} onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-danger" disabled={send.busy} data-testid="reopen-submit">
              {send.busy ? t('resident.sending') : t('reopen.submit')}
            </button>
          </div>
        </form>
      )}
      <ResidentMessageLine message={send.message} testId="reopen-message" />
    </section>
  );
}

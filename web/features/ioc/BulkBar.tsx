import { useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { reportsApi } from '../../api/endpoints';
import { isMessageKey, useI18n, type MessageKey } from '../../i18n';
import { composeReason, REASON_PRESETS } from '../desk/reasons';
import { BulkSkip, runBulk, summarizeFailures, type BulkProgress } from './bulk';

type BulkAction = 'dispatch' | 'reject';

/**
 * "Giao xử lý đã chọn" / "Từ chối đã chọn": applies one action to each checked report in turn, with a
 * progress bar and, at the end, which ones could not be done and why (most often: changed meanwhile).
 */
export function BulkBar({
  reports,
  latest,
  onUpdated,
  onFinished,
  onClear,
}: {
  /** The checked reports, in queue order. */
  reports: readonly StaffReportView[];
  /** The report as the live list holds it now (newest version), read just before each request. */
  latest: (id: number) => StaffReportView | undefined;
  onUpdated: (report: StaffReportView) => void;
  /** Ids that succeeded, to uncheck them (the failed ones stay checked). */
  onFinished: (succeeded: number[]) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [preset, setPreset] = useState<MessageKey | ''>('');
  const [details, setDetails] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const stop = useRef(false);
  const running = progress?.running ?? false;

  const start = (action: BulkAction, reason?: string) => {
    stop.current = false;
    setRejecting(false);
    const batch = [...reports];
    void runBulk(
      batch,
      async (r) => {
        const now = latest(r.id) ?? r;
        if (!now.actions.includes(action)) throw new BulkSkip('transition_not_allowed');
        if (action === 'dispatch' && !now.unit) throw new BulkSkip('no_unit');
        const input =
          action === 'dispatch'
            ? { action, version: now.version, unitId: now.unit!.id }
            : { action, version: now.version, reason };
        onUpdated(await reportsApi.transition(now.id, input));
      },
      setProgress,
      () => stop.current,
    ).then((p) => {
      const failed = new Set(p.failures.map((f) => f.id));
      onFinished(
        batch
          .slice(0, p.done)
          .filter((r) => !failed.has(r.id))
          .map((r) => r.id),
      );
    });
  };

  const confirmReject = (e: FormEvent) => {
    e.preventDefault();
    const reason = composeReason(preset, details).slice(0, LIMITS.reasonMax);
    setReasonError(!reason);
    if (reason) start('reject', reason);
  };
  const reasonText = (code: string) => {
    const key = `bulk.fail.${code}`;
    return isMessageKey(key) ? t(key) : t('bulk.fail.other', { code });
  };

  if (reports.length === 0 && !progress) return null;
  return (
    <section className="bulk-bar" data-testid="bulk-bar" aria-label={t('bulk.title')}>
      {reports.length > 0 && (
        <div className="bulk-row">
          <span className="bulk-count">{t('bulk.selected', { n: reports.length })}</span>
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="bulk-dispatch"
            disabled={running || reports.length === 0}
            onClick={() => start('dispatch')}
          >
            {t('bulk.dispatch')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            data-testid="bulk-reject"
            aria-expanded={rejecting}
            disabled={running || reports.length === 0}
            onClick={() => setRejecting(!rejecting)}
          >
            {t('bulk.reject')}
          </button>
          <button type="button" className="btn btn-small btn-secondary" disabled={running} onClick={onClear}>
            {t('bulk.clear')}
          </button>
        </div>
      )}
      {rejecting && (
        <form className="action-form bulk-reason" onSubmit={confirmReject} noValidate data-testid="bulk-reject-form">
          <div className="field">
            <label htmlFor={`${uid}-preset`}>{t('form.reason')}</label>
            <select id={`${uid}-preset`} value={preset} onChange={(e) => setPreset(e.target.value as MessageKey | '')}>
              <option value="">{t('form.reason.choose')}</option>
              {(REASON_PRESETS.reject ?? []).map((p) => (
                <option key={p} value={p}>
                  {t(p)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-details`}>{t('form.reason.details')}</label>
            <input id={`${uid}-details`} value={details} onChange={(e) => setDetails(e.target.value)} />
          </div>
          {reasonError && (
            <p className="field-error" role="alert">
              {t('form.reason.required')}
            </p>
          )}
          <button type="submit" className="btn btn-small btn-danger">
            {t('bulk.rejectConfirm', { n: reports.length })}
          </button>
        </form>
      )}
      {progress && (
        <div
          className="bulk-progress"
          data-testid="bulk-progress"
          data-done={progress.done}
          data-total={progress.total}
        >
          <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={t('bulk.progress')} />
          <span data-testid="bulk-count">
            {progress.done}/{progress.total}
          </span>
          {running ? (
            <button type="button" className="btn btn-small btn-secondary" onClick={() => (stop.current = true)}>
              {t('bulk.stop')}
            </button>
          ) : (
            <button type="button" className="btn btn-small btn-secondary" onClick={() => setProgress(null)}>
              {t('bulk.dismiss')}
            </button>
          )}
        </div>
      )}
      {progress && !running && (
        <div
          className={`notice ${progress.failures.length ? 'notice-warning' : 'notice-success'}`}
          role="status"
          data-testid="bulk-summary"
          data-failed={progress.failures.length}
        >
          <p>{t('bulk.summary', { ok: progress.succeeded, total: progress.total })}</p>
          {progress.failures.length > 0 && (
            <ul>
              {summarizeFailures(progress.failures).map((g) => (
                <li key={g.code} data-code={g.code}>
                  {reasonText(g.code)}: {g.codes.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CreateReportResult } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';

/** The tracking code, large, with the way to follow the report. */
export function ReportSuccess({ result, onNew }: { result: CreateReportResult; onNew: () => void }) {
  const { t, lang } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(result.trackingCode).then(
      () => setCopied(true),
      () => {},
    );
  };
  return (
    <section className="card success-card" aria-labelledby="success-title" data-testid="report-success">
      <div className="success-icon" aria-hidden="true">
        ✓
      </div>
      <h2 id="success-title">{t('report.success.title')}</h2>
      <p className="success-label">{t('report.success.code')}</p>
      <p className="tracking-code" data-testid="tracking-code">
        {result.trackingCode}
      </p>
      {typeof navigator !== 'undefined' && navigator.clipboard && (
        <button type="button" className="btn btn-small btn-secondary" onClick={copy}>
          {copied ? t('report.success.copied') : t('report.success.copy')}
        </button>
      )}
      <p className="hint">{t('report.success.keep')}</p>
      <dl className="facts">
        <div>
          <dt>{t('report.success.due')}</dt>
          <dd>{formatDateTime(result.dueAt, lang)}</dd>
        </div>
        {result.unit && (
          <div>
            <dt>{t('report.success.unit')}</dt>
            <dd>{result.unit.name}</dd>
          </div>
        )}
      </dl>
      <div className="form-actions form-actions-stack">
        <Link className="btn btn-primary btn-large" to={`/track/${encodeURIComponent(result.trackingCode)}`}>
          {t('report.success.track')}
        </Link>
        <button type="button" className="btn btn-secondary btn-large" onClick={onNew}>
          {t('report.success.new')}
        </button>
      </div>
    </section>
  );
}

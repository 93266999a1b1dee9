import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CreateReportResult } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import { Fact } from '../../ui/Fact';

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
        <Fact label={t('report.success.due')}>{formatDateTime(result.dueAt, lang)}</Fact>
        {result.unit && <Fact label={t('report.success.unit')}>{result.unit.name}</Fact>}
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

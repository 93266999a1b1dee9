import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isOpenStatus } from '../../../shared/domain/statuses';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { publicApi } from '../../api/endpoints';
import { useCategories } from '../../api/reference';
import { formatDateTime, useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/StatusBadge';
import { listMyReports, onMyReportsChange, type MyReport } from '../device/myReports';
import { Countdown } from './Countdown';
import './track.css';

type Current = { report: PublicReportView } | { error: unknown };

/** The device's reports, kept in step with other tabs and with the form filing a new one. */
function useMyReports(): MyReport[] {
  const [entries, setEntries] = useState(listMyReports);
  useEffect(() => onMyReportsChange(() => setEntries(listMyReports())), []);
  return entries;
}

/** Each code's current public view (one `GET /api/track/:code` per report: a phone holds a handful). */
function useCurrent(codes: readonly string[]): Map<string, Current> {
  const [current, setCurrent] = useState(() => new Map<string, Current>());
  const key = codes.join(',');
  useEffect(() => {
    const ctrl = new AbortController();
    for (const code of key ? key.split(',') : []) {
      publicApi.track(code, ctrl.signal).then(
        (report) => {
          if (!ctrl.signal.aborted) setCurrent((m) => new Map(m).set(code, { report }));
        },
        (error: unknown) => {
          if (!ctrl.signal.aborted) setCurrent((m) => new Map(m).set(code, { error }));
        },
      );
    }
    return () => ctrl.abort();
  }, [key]);
  return current;
}

/** "My reports": the codes this device filed or followed, each with its status now and a link to follow it. */
export function MyReportsList() {
  const { t, lang, name } = useI18n();
  const entries = useMyReports();
  const current = useCurrent(entries.map((e) => e.trackingCode));
  const categories = useCategories();
  const categoryName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? name(c.name) : code;
  };

  if (entries.length === 0) {
    return (
      <div className="card my-empty" data-testid="my-reports-empty">
        <p>{t('my.empty')}</p>
        <Link className="btn btn-primary" to="/">
          {t('my.newReport')}
        </Link>
      </div>
    );
  }

  return (
    <ul className="my-reports" data-testid="my-reports">
      {entries.map((e) => {
        const now = current.get(e.trackingCode);
        const report = now && 'report' in now ? now.report : undefined;
        const failed = now && 'error' in now;
        return (
          <li
            key={e.trackingCode}
            className="card my-report"
            data-testid="my-report-row"
            data-tracking-code={e.trackingCode}
            data-status={report?.status ?? ''}
            data-followed={e.followed}
          >
            <div className="my-report-top">
              <Link className="my-report-code" to={`/track/${encodeURIComponent(e.trackingCode)}`}>
                {e.trackingCode}
              </Link>
              {report ? (
                <StatusBadge status={report.status} />
              ) : failed ? (
                <span className="hint">{t('my.statusError')}</span>
              ) : (
                <span className="hint">{t('common.loading')}</span>
              )}
            </div>
            <p className="my-report-category">{report ? name(report.category.name) : categoryName(e.categoryCode)}</p>
            <p className="my-report-meta">
              <span>{t(e.followed ? 'my.followed' : 'my.filed', { date: formatDateTime(e.filedAt, lang) })}</span>
              {report && isOpenStatus(report.status) && <Countdown dueAt={report.dueAt} />}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

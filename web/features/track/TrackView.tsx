import { lazy, Suspense } from 'react';
import { isOpenStatus } from '../../../shared/domain/statuses';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import type { ConnectionState } from '../../realtime/socket';
import { DueLabel } from '../../ui/DueLabel';
import { Fact } from '../../ui/Fact';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { StatusBadge } from '../../ui/StatusBadge';
import { Timeline } from '../../ui/Timeline';
import { useNow } from '../../ui/useNow';
import { ReportProgress } from './ReportProgress';
import './track.css';

const TrackMap = lazy(() => import('./TrackMap'));

/** Everything a resident may see about their report. */
export function TrackView({ report, connection }: { report: PublicReportView; connection?: ConnectionState }) {
  const { t, lang, name } = useI18n();
  const now = useNow();
  const open = isOpenStatus(report.status);
  return (
    <article className="track-view" data-testid="track-view" data-tracking-code={report.trackingCode}>
      <header className="card track-head">
        <div className="track-title-row">
          <h1>{t('track.title', { code: report.trackingCode })}</h1>
          {connection && <LiveIndicator state={connection} />}
        </div>
        <div className="track-status" aria-live="polite">
          <span className="sr-only">{t('track.status')}: </span>
          <StatusBadge status={report.status} large />
        </div>
        <ReportProgress status={report.status} />
      </header>

      <section className="card">
        <dl className="facts facts-grid">
          <Fact label={t('track.category')}>{name(report.category.name)}</Fact>
          <Fact label={t('track.area')}>{report.area?.name ?? t('track.outsideArea')}</Fact>
          <Fact label={t('track.unit')} testId="track-unit">
            {report.unit?.name ?? t('track.unassigned')}
          </Fact>
          <Fact label={t('track.due')}>
            {formatDateTime(report.dueAt, lang)} {open && <DueLabel dueAt={report.dueAt} now={now} />}
          </Fact>
          <Fact label={t('track.created')}>{formatDateTime(report.createdAt, lang)}</Fact>
          {report.resolvedAt && <Fact label={t('track.resolvedAt')}>{formatDateTime(report.resolvedAt, lang)}</Fact>}
        </dl>
        <h2 className="section-title">{t('track.description')}</h2>
        <p className="description">{report.description}</p>
      </section>

      <section className="card">
        <h2 className="section-title">{t('track.timeline')}</h2>
        <Timeline entries={report.timeline} />
      </section>

      <section className="card card-flush">
        <Suspense fallback={null}>
          <TrackMap lat={report.lat} lng={report.lng} label={t('map.pin')} />
        </Suspense>
      </section>
    </article>
  );
}

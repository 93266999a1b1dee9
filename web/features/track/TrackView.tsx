import { lazy, Suspense, useState } from 'react';
import { isOpenStatus } from '../../../shared/domain/statuses';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import type { ConnectionState } from '../../realtime/socket';
import { Fact } from '../../ui/Fact';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { PhotoGallery } from '../../ui/PhotoGallery';
import { StatusBadge } from '../../ui/StatusBadge';
import { Timeline } from '../../ui/Timeline';
import { useNow } from '../../ui/useNow';
import { CommentForm } from './CommentForm';
import { Countdown } from './Countdown';
import { RatingForm } from './RatingForm';
import { RatingStars } from '../../ui/RatingStars';
import { ReopenForm } from './ReopenForm';
import { ReportProgress } from './ReportProgress';
import { canRate, canReopen } from './residentRules';
import './track.css';

const TrackMap = lazy(() => import('./TrackMap'));

/**
 * Everything a resident may see about their report. With `token` (this device filed or followed it)
 * the resident can also add information, rate the result and reopen it.
 */
export function TrackView({
  report,
  connection,
  token = null,
  onUpdated,
}: {
  report: PublicReportView;
  connection?: ConnectionState;
  token?: string | null;
  onUpdated?: (report: PublicReportView) => void;
}) {
  const { t, lang, name } = useI18n();
  const now = useNow(60_000);
  const open = isOpenStatus(report.status);
  const code = report.trackingCode;
  // A form the resident has sent stays on screen with its outcome, even once the live update
  // (rated, reopened) means it would no longer be offered.
  const [engaged, setEngaged] = useState<{ rate?: boolean; reopen?: boolean }>({});
  return (
    <article className="track-view" data-testid="track-view" data-tracking-code={code}>
      <header className="card track-head">
        <div className="track-title-row">
          <h1>{t('track.title', { code })}</h1>
          {connection && <LiveIndicator state={connection} />}
        </div>
        <div className="track-status" aria-live="polite">
          <span className="sr-only">{t('track.status')}: </span>
          <StatusBadge status={report.status} large />
        </div>
        <ReportProgress status={report.status} />
        {report.reporterCount > 0 && (
          <p className="reporter-count" data-testid="reporter-count" data-count={report.reporterCount}>
            <span aria-hidden="true">👥 </span>
            {report.reporterCount === 1
              ? t('track.reporters.one')
              : t('track.reporters.other', { n: report.reporterCount })}
          </p>
        )}
      </header>

      {token && (canRate(report, token) || engaged.rate) && (
        <RatingForm
          key={`rate-${code}`}
          code={code}
          token={token}
          onUpdated={onUpdated}
          onSubmitting={() => setEngaged((e) => ({ ...e, rate: true }))}
        />
      )}
      {/* The "reopened" confirmation stays only while the report is reopened; each new resolution gets a fresh form. */}
      {token &&
        ((report.reopenUntil && canReopen(report, token, now)) || (engaged.reopen && report.status === 'reopened')) && (
          <ReopenForm
            key={`reopen-${code}-${report.resolvedAt ?? ''}`}
            code={code}
            token={token}
            reopenUntil={report.reopenUntil}
            onUpdated={onUpdated}
            onSubmitting={() => setEngaged((e) => ({ ...e, reopen: true }))}
          />
        )}

      <section className="card">
        <dl className="facts facts-grid">
          <Fact label={t('track.category')}>{name(report.category.name)}</Fact>
          <Fact label={t('track.area')}>{report.area?.name ?? t('track.outsideArea')}</Fact>
          <Fact label={t('track.unit')} testId="track-unit">
            {report.unit?.name ?? t('track.unassigned')}
          </Fact>
          <Fact label={t('track.due')} testId="track-due">
            <span className="due-date">{formatDateTime(report.dueAt, lang)}</span>
            {open && (
              <>
                {' '}
                <Countdown dueAt={report.dueAt} />
              </>
            )}
          </Fact>
          <Fact label={t('track.created')}>{formatDateTime(report.createdAt, lang)}</Fact>
          {report.resolvedAt && <Fact label={t('track.resolvedAt')}>{formatDateTime(report.resolvedAt, lang)}</Fact>}
        </dl>
        <h2 className="section-title">{t('track.description')}</h2>
        <p className="description">{report.description}</p>
        {report.photos.length > 0 && (
          <>
            <h3 className="section-title">{t('track.photos')}</h3>
            <PhotoGallery photos={report.photos} testId="report-photos" />
          </>
        )}
        {report.rating && (
          <>
            <h3 className="section-title">{t('track.rating')}</h3>
            <RatingStars rating={report.rating} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="track-timeline-title">
        <h2 id="track-timeline-title" className="section-title">
          {t('track.timeline')}
        </h2>
        <Timeline entries={report.timeline} />
      </section>

      {token ? (
        <CommentForm key={`comment-${code}`} code={code} token={token} onUpdated={onUpdated} />
      ) : (
        <p className="hint read-only-note" data-testid="track-read-only">
          {t('track.readOnly')}
        </p>
      )}

      <section className="card card-flush" aria-labelledby="track-location-title">
        <h2 id="track-location-title" className="sr-only">
          {t('track.location')}
        </h2>
        {report.lat !== null && report.lng !== null ? (
          <Suspense fallback={null}>
            <TrackMap lat={report.lat} lng={report.lng} label={t('map.pin')} />
          </Suspense>
        ) : (
          <p className="location-pending" data-testid="location-pending">
            <span aria-hidden="true">📍 </span>
            {t('track.locationPending')}
          </p>
        )}
      </section>
    </article>
  );
}

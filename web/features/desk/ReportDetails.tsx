import type { StaffReportDetail } from '../../../shared/schemas/reports';
import { formatDateTime, useI18n } from '../../i18n';
import { DueLabel } from '../../ui/DueLabel';
import { Fact } from '../../ui/Fact';
import { PhotoGallery } from '../../ui/PhotoGallery';
import { StatusBadge } from '../../ui/StatusBadge';
import { Timeline } from '../../ui/Timeline';
import { formatCoord } from '../map/geo';
import { RatingStars } from '../../ui/RatingStars';
import { isOpenStatus } from '../../../shared/domain/statuses';
import { ReportAttributes } from './ReportAttributes';
import { hasLocation } from './location';

/** The facts of a report for staff; the reporter's contact appears only when the server sent it. */
export function ReportDetails({ report, now }: { report: StaffReportDetail; now: number }) {
  const { t, lang, name } = useI18n();
  return (
    <div className="report-details">
      <div className="detail-badges">
        <StatusBadge status={report.status} />
        <span className={`priority priority-${report.priority}`}>{t(`priority.${report.priority}`)}</span>
        {isOpenStatus(report.status) && <DueLabel dueAt={report.dueAt} now={now} />}
      </div>
      <p className="detail-category">{name(report.category.name)}</p>
      <p className="description">{report.description}</p>
      <dl className="facts facts-grid">
        <Fact label={t('track.area')}>{report.area?.name ?? t('track.outsideArea')}</Fact>
        <Fact label={t('track.unit')}>{report.unit?.name ?? t('track.unassigned')}</Fact>
        <Fact label={t('detail.address')}>{report.address ?? '—'}</Fact>
        <Fact label={t('detail.coords')} testId="detail-coords">
          {hasLocation(report) ? (
            `${formatCoord(report.lat)}, ${formatCoord(report.lng)}`
          ) : (
            <span className="tag tag-warning">{t('desk.noLocation')}</span>
          )}
        </Fact>
        <Fact label={t('track.created')}>{formatDateTime(report.createdAt, lang)}</Fact>
        <Fact label={t('track.due')}>{formatDateTime(report.dueAt, lang)}</Fact>
        <Fact label={t('detail.channel')}>
          {t(`channel.${report.channel}`)}
          {report.apiClient ? ` · ${report.apiClient}` : ''}
        </Fact>
        <Fact label={t('detail.reporters')}>{report.reporterCount}</Fact>
      </dl>
      <ReportAttributes categoryCode={report.category.code} attributes={report.attributes ?? {}} />
      {report.photos?.length > 0 && (
        <>
          <h3 className="section-title">{t('detail.photos')}</h3>
          <PhotoGallery photos={report.photos} testId="report-photos" />
        </>
      )}
      {report.rating && (
        <>
          <h3 className="section-title">{t('detail.rating')}</h3>
          <RatingStars rating={report.rating} />
        </>
      )}
      {report.contact && (
        <section className="contact-box" aria-label={t('detail.contact')} data-testid="reporter-contact">
          <h3 className="section-title">
            <span aria-hidden="true">🔒 </span>
            {t('detail.contact')}
          </h3>
          {report.contact.name || report.contact.phone || report.contact.email ? (
            <ul>
              {report.contact.name && <li>{report.contact.name}</li>}
              {report.contact.phone && (
                <li>
                  <a href={`tel:${report.contact.phone}`}>{report.contact.phone}</a>
                </li>
              )}
              {report.contact.email && (
                <li>
                  <a href={`mailto:${report.contact.email}`}>{report.contact.email}</a>
                </li>
              )}
            </ul>
          ) : (
            <p className="hint">{t('detail.contact.none')}</p>
          )}
        </section>
      )}
      <h3 className="section-title">{t('track.timeline')}</h3>
      <Timeline entries={report.timeline} />
    </div>
  );
}

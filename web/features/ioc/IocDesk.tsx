import { lazy, Suspense, useMemo, useState } from 'react';
import { isOpenStatus, OPEN_STATUSES } from '../../../shared/domain/statuses';
import { LIMITS } from '../../../shared/domain/limits';
import type { StaffReportView } from '../../../shared/schemas/reports';
import type { ReportListQuery } from '../../api/endpoints';
import { useI18n } from '../../i18n';
import { useStaffFeed } from '../../realtime/useStaffFeed';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useNow } from '../../ui/useNow';
import { DeskPanel } from '../desk/DeskPanel';
import { PlacementProvider } from '../desk/placement';
import { isOverdue } from '../desk/urgency';
import { IocQueue } from './IocQueue';
import '../desk/desk.css';
import '../desk/queue.css';

const IocMap = lazy(() => import('./IocMap'));

const QUERY: ReportListQuery = { status: OPEN_STATUSES, limit: LIMITS.listPageMax };
const keepOpen = (r: StaffReportView) => isOpenStatus(r.status);

/** The operator desk: live map and queue of open reports, and the selected report's panel. */
export function IocDesk() {
  const { t } = useI18n();
  const feed = useStaffFeed(QUERY, keepOpen);
  const now = useNow(30_000);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const reports = useMemo(() => [...feed.byId.values()], [feed.byId]);
  const overdue = useMemo(() => reports.filter((r) => isOverdue(r, now)).length, [reports, now]);

  if (feed.loading && reports.length === 0) return <Loading />;
  if (feed.error && reports.length === 0) return <ErrorNotice error={feed.error} onRetry={feed.reload} />;

  return (
    <PlacementProvider>
      <div className={`desk desk-ioc${selectedId !== null ? ' with-panel' : ''}`}>
        <div className="desk-bar">
          <h1>{t('desk.iocTitle')}</h1>
          <span className="desk-stat">{t('desk.count', { n: reports.length })}</span>
          {overdue > 0 && (
            <span className="desk-stat desk-stat-alert" data-testid="overdue-count">
              {t('desk.overdue')}: {overdue}
            </span>
          )}
          <LiveIndicator state={feed.connection} />
        </div>
        <div className="desk-map">
          <Suspense fallback={<Loading />}>
            <IocMap reports={reports} now={now} fresh={feed.fresh} selectedId={selectedId} onSelect={setSelectedId} />
          </Suspense>
        </div>
        <div className="desk-queue" aria-label={t('desk.queue')}>
          <IocQueue reports={reports} now={now} fresh={feed.fresh} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
        <DeskPanel feed={feed} selectedId={selectedId} onClose={() => setSelectedId(null)} />
      </div>
    </PlacementProvider>
  );
}

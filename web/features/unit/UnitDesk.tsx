import { useMemo, useState } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { StaffReportView } from '../../../shared/schemas/reports';
import type { ReportListQuery } from '../../api/endpoints';
import { useI18n } from '../../i18n';
import type { KeepReport } from '../../realtime/feed';
import { useStaffFeed } from '../../realtime/useStaffFeed';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useNow } from '../../ui/useNow';
import { useSession } from '../auth/useSession';
import { DeskPanel } from '../desk/DeskPanel';
import { ReportList } from '../desk/ReportList';
import { UNIT_TABS, unitTabReports, type UnitTab } from './unitTabs';
import '../desk/desk.css';
import '../desk/queue.css';

// The server scopes staff to their own unit; the list asks for everything it may see.
const QUERY: ReportListQuery = { limit: LIMITS.listPageMax };

/** A unit's queue: its reports live, a detail panel with start / resolve / hand back. */
export function UnitDesk() {
  const { t } = useI18n();
  const { user } = useSession();
  const unitId = user?.unit?.id;
  // A report rerouted elsewhere leaves this unit's list; an admin without a unit sees all.
  const [keep] = useState<KeepReport>(() => (r: StaffReportView) => unitId === undefined || r.unit?.id === unitId);
  const feed = useStaffFeed(QUERY, keep);
  const now = useNow(30_000);
  const [tab, setTab] = useState<UnitTab>('todo');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const reports = useMemo(() => unitTabReports(feed.byId.values(), tab), [feed.byId, tab]);

  if (feed.loading && feed.byId.size === 0) return <Loading />;
  if (feed.error && feed.byId.size === 0) return <ErrorNotice error={feed.error} onRetry={feed.reload} />;

  return (
    <div className={`desk desk-unit${selectedId !== null ? ' with-panel' : ''}`}>
      <div className="desk-bar">
        <h1>
          {t('desk.unitTitle')}
          {user?.unit && <small className="desk-unit-name">{user.unit.name}</small>}
        </h1>
        <LiveIndicator state={feed.connection} />
      </div>
      <div className="desk-queue">
        <div className="tabs" role="tablist" aria-label={t('desk.queue')}>
          {UNIT_TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'tab active' : 'tab'}
              onClick={() => setTab(k)}
            >
              {t(`desk.tab.${k}`)} <span className="count">{unitTabReports(feed.byId.values(), k).length}</span>
            </button>
          ))}
        </div>
        <div className="queue-scroll" role="tabpanel">
          <ReportList reports={reports} now={now} fresh={feed.fresh} selectedId={selectedId} onSelect={setSelectedId} />
        </div>
      </div>
      <DeskPanel feed={feed} selectedId={selectedId} onClose={() => setSelectedId(null)} />
    </div>
  );
}

import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
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
import { BulkBar } from './BulkBar';
import { CallerReportForm } from './CallerReportForm';
import { IocQueue } from './IocQueue';
import { filtersFromSearch, matchesFilters, searchFromFilters, type QueueFilters } from './queueFilters';
import { orderQueue } from './queueOrder';
import { ShortcutHelp } from './ShortcutHelp';
import { useDeskKeys } from './useDeskKeys';
import '../desk/desk.css';
import '../desk/queue.css';
import './ioc.css';

const IocMap = lazy(() => import('./IocMap'));

const QUERY: ReportListQuery = { status: OPEN_STATUSES, limit: LIMITS.listPageMax };
const keepOpen = (r: StaffReportView) => isOpenStatus(r.status);

/** The operator desk: live map and filtered queue of open reports, the selected report's panel, shortcuts, bulk actions. */
export function IocDesk() {
  const { t } = useI18n();
  const feed = useStaffFeed(QUERY, keepOpen);
  const now = useNow(30_000);
  const [params, setParams] = useSearchParams();
  const filtersKey = searchFromFilters(filtersFromSearch(params)).toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(filtersKey)), [filtersKey]);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const reports = useMemo(() => [...feed.byId.values()], [feed.byId]);
  const shown = useMemo(() => reports.filter((r) => matchesFilters(r, filters)), [reports, filters]);
  const queue = useMemo(() => orderQueue(shown), [shown]);
  const order = useMemo(() => [...queue.inbox, ...queue.handling], [queue]);
  const overdue = useMemo(() => reports.filter((r) => isOverdue(r, now)).length, [reports, now]);
  const desk = useDeskKeys(order);
  // The newest list for the bulk runner, read between its requests.
  const latest = useRef(feed.byId);
  useEffect(() => {
    latest.current = feed.byId;
  }, [feed.byId]);

  const setFilters = (f: QueueFilters) => setParams((prev) => searchFromFilters(f, prev), { replace: true });
  const check = (id: number, on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const bulkReports = order.filter((r) => checked.has(r.id));

  if (feed.loading && reports.length === 0) return <Loading />;
  if (feed.error && reports.length === 0) return <ErrorNotice error={feed.error} onRetry={feed.reload} />;

  const panelOpen = desk.selectedId !== null || desk.caller;
  return (
    <PlacementProvider>
      <div className={`desk desk-ioc${panelOpen ? ' with-panel' : ''}`}>
        <div className="desk-bar">
          <h1>{t('desk.iocTitle')}</h1>
          <span className="desk-stat" data-testid="queue-count">
            {shown.length === reports.length
              ? t('desk.count', { n: reports.length })
              : t('filters.shown', { n: shown.length, total: reports.length })}
          </span>
          {overdue > 0 && (
            <span className="desk-stat desk-stat-alert" data-testid="overdue-count">
              {t('desk.overdue')}: {overdue}
            </span>
          )}
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="file-for-caller"
            onClick={desk.openCaller}
          >
            {t('caller.open.button')}
          </button>
          <Link className="btn btn-small btn-secondary" to="/ioc/wall" data-testid="wall-link">
            {t('desk.wallLink')}
          </Link>
          <button
            type="button"
            className="btn btn-small btn-secondary"
            aria-label={t('shortcut.title')}
            title={t('shortcut.title')}
            data-testid="shortcut-button"
            onClick={() => desk.setHelp(true)}
          >
            ?
          </button>
          <LiveIndicator state={feed.connection} />
        </div>
        <div className="desk-map">
          <Suspense fallback={<Loading />}>
            <IocMap reports={shown} now={now} fresh={feed.fresh} selectedId={desk.selectedId} onSelect={desk.select} />
          </Suspense>
        </div>
        <div className="desk-queue" aria-label={t('desk.queue')}>
          <IocQueue
            queue={queue}
            now={now}
            fresh={feed.fresh}
            selectedId={desk.selectedId}
            onSelect={desk.select}
            cursorId={desk.cursorId}
            checked={checked}
            onCheck={check}
            filters={filters}
            onFilters={setFilters}
            bulk={
              <BulkBar
                reports={bulkReports}
                latest={(id) => latest.current.get(id)}
                onUpdated={feed.applyReport}
                onFinished={(ids) => ids.forEach((id) => check(id, false))}
                onClear={() => setChecked(new Set())}
              />
            }
          />
        </div>
        {desk.caller && desk.selectedId === null ? (
          <div className="desk-panel">
            <CallerReportForm onFiled={desk.select} onClose={desk.closeCaller} />
          </div>
        ) : (
          <DeskPanel
            feed={feed}
            selectedId={desk.selectedId}
            onClose={() => desk.select(null)}
            command={desk.command}
          />
        )}
      </div>
      {desk.help && <ShortcutHelp onClose={() => desk.setHelp(false)} />}
    </PlacementProvider>
  );
}

import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useSession } from '../auth/useSession';
import { DeskPanel } from '../desk/DeskPanel';
import { UnitLeaderView } from './UnitLeaderView';
import { UnitQueueList } from './UnitQueueList';
import { overdueReports, UNIT_TABS, unitTabReports, type UnitTab } from './unitTabs';
import { useWideScreen } from './useWideScreen';
import '../desk/desk.css';
import '../desk/queue.css';
import { useUnitFeed } from './useUnitFeed';
import './unit.css';

const UnitMap = lazy(() => import('./UnitMap'));

/** `/unit`: a unit's leader sees its figures and overdue list; its staff the queue to work through. */
export function UnitDesk() {
  const { user } = useSession();
  return user?.role === 'leader' ? <UnitLeaderView /> : <UnitStaffDesk />;
}

/**
 * A unit's queue, live: tabs, overdue first then due soonest, as a list and on a map (side by side on a
 * wide screen, one or the other on a phone), and the selected report's panel with its actions.
 */
function UnitStaffDesk() {
  const { t } = useI18n();
  const { user, feed, now } = useUnitFeed();
  const wide = useWideScreen();
  const [tab, setTab] = useState<UnitTab>('todo');
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selected, setSelected] = useState<{ id: number; code: string } | null>(null);
  const [left, setLeft] = useState<string | null>(null);
  const lastRow = useRef<string | null>(null);
  const reports = useMemo(() => unitTabReports(feed.byId.values(), tab), [feed.byId, tab]);
  const overdue = useMemo(() => overdueReports(feed.byId.values(), now).length, [feed.byId, now]);
  const selectedId = selected?.id ?? null;

  // The open report left the unit (handed back to the IOC, rerouted): close it and say so.
  if (selected && !feed.loading && !feed.byId.has(selected.id)) {
    setSelected(null);
    setLeft(selected.code);
  }

  const select = (id: number) => {
    const code = feed.byId.get(id)?.trackingCode ?? '';
    lastRow.current = code;
    setSelected({ id, code });
    setLeft(null);
    // On a phone the panel takes the list's place: start reading it from the top.
    if (!wide && document.scrollingElement) document.scrollingElement.scrollTop = 0;
  };
  const close = () => setSelected(null);
  // Back from the panel: the keyboard returns to the row it came from.
  useEffect(() => {
    if (selectedId !== null || !lastRow.current) return;
    document.querySelector<HTMLElement>(`[data-testid="queue-row"][data-tracking-code="${lastRow.current}"]`)?.focus();
  }, [selectedId]);

  if (feed.loading && feed.byId.size === 0) return <Loading />;
  if (feed.error && feed.byId.size === 0) return <ErrorNotice error={feed.error} onRetry={feed.reload} />;

  const showMap = wide || view === 'map';
  return (
    <div className={`desk unit-desk view-${view}${selectedId !== null ? ' with-panel' : ''}`} data-testid="unit-desk">
      <div className="desk-bar">
        <h1>
          {t('desk.unitTitle')}
          {user?.unit && <small className="desk-unit-name">{user.unit.name}</small>}
        </h1>
        {overdue > 0 && (
          <span className="desk-stat desk-stat-alert" data-testid="overdue-count">
            {t('desk.overdue')}: {overdue}
          </span>
        )}
        <LiveIndicator state={feed.connection} />
      </div>
      <div className="desk-queue">
        <div className="tabs" role="tablist" aria-label={t('desk.queue')}>
          {UNIT_TABS.map((k) => (
            <button
              key={k}
              id={`unit-tab-${k}`}
              type="button"
              role="tab"
              aria-selected={tab === k}
              aria-controls="unit-tabpanel"
              className={tab === k ? 'tab active' : 'tab'}
              data-testid={`unit-tab-${k}`}
              onClick={() => setTab(k)}
            >
              {t(`desk.tab.${k}`)} <span className="count">{unitTabReports(feed.byId.values(), k).length}</span>
            </button>
          ))}
        </div>
        {!wide && (
          <div className="unit-segmented unit-view-toggle" role="group" aria-label={t('unit.view')}>
            {(['list', 'map'] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                className={view === v ? 'active' : undefined}
                data-testid={`unit-view-${v}`}
                onClick={() => setView(v)}
              >
                <span aria-hidden="true">{v === 'list' ? '☰ ' : '🗺 '}</span>
                {t(`unit.view.${v}`)}
              </button>
            ))}
          </div>
        )}
        {left && (
          <p className="notice notice-success unit-left" role="status" data-testid="unit-left">
            {t('unit.left', { code: left })}
          </p>
        )}
        <div id="unit-tabpanel" className="queue-scroll" role="tabpanel" aria-labelledby={`unit-tab-${tab}`}>
          <UnitQueueList reports={reports} now={now} fresh={feed.fresh} selectedId={selectedId} onSelect={select} />
        </div>
      </div>
      {showMap && (
        <div className="desk-map">
          <Suspense fallback={<Loading />}>
            <UnitMap reports={reports} now={now} fresh={feed.fresh} selectedId={selectedId} onSelect={select} />
          </Suspense>
        </div>
      )}
      <DeskPanel feed={feed} selectedId={selectedId} onClose={close} />
    </div>
  );
}

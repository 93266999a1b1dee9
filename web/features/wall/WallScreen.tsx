import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { LiveIndicator } from '../../ui/LiveIndicator';
import { useNow } from '../../ui/useNow';
import { useSession } from '../auth/useSession';
import { beep, unlockSound } from './alert';
import { arrivedInUnit, pushTicker, tickerItem, type TickerItem } from './ticker';
import { useWallLive } from './useWallLive';
import { useWallSummary } from './useWallSummary';
import { WallCounters } from './WallCounters';
import { WallLegend } from './WallLegend';
import type { WallMapState } from './WallLayer';
import { WallTicker } from './WallTicker';
import { isAlertPriority } from './wallLook';
import './wall.css';

const WallMap = lazy(() => import('./WallMap'));

/** A report event reloads the map and counters this soon (later events meanwhile ride along). */
export const WALL_REFRESH_DELAY_MS = 300;
/**
 * ...and once more this long after: the server rebuilds its cluster index at most once a second, so the
 * first reload may still miss the newest change.
 */
export const WALL_SETTLE_MS = 1100;
/** How long the edge of the screen flashes for an urgent or high-priority report. */
const FLASH_MS = 2400;

/**
 * `/ioc/wall`: the city map of open reports, headline counters and a ticker, for the IOC's big screen.
 * A unit's leader gets their unit's wall: the server scopes the map, counters and live feed to the
 * unit's dispatched reports, and a report reaching the unit is what the ticker announces.
 */
export function WallScreen() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const now = useNow(1000);
  const [ticker, setTicker] = useState<readonly TickerItem[]>([]);
  const [refresh, setRefresh] = useState(0);
  const [mapState, setMapState] = useState<WallMapState>({ total: null, error: null });
  const [flash, setFlash] = useState<{ key: number; code: string } | null>(null);
  const [sound, setSound] = useState(true);
  const { summary } = useWallSummary(refresh);
  const timers = useRef<Partial<Record<'refresh' | 'settle' | 'flash', ReturnType<typeof setTimeout>>>>({});
  // A leader with a unit leads that unit (unit staff have no wall).
  const unit = user?.role === 'leader' ? user.unit : null;
  const announced = useRef(new Set<number>());

  // Throttled, not debounced: a steady stream of reports must not postpone the reload forever.
  const refreshSoon = () => {
    const pending = timers.current;
    if (pending.refresh) return;
    pending.refresh = setTimeout(() => {
      pending.refresh = undefined;
      setRefresh((r) => r + 1);
      clearTimeout(pending.settle);
      pending.settle = setTimeout(() => setRefresh((r) => r + 1), WALL_SETTLE_MS);
    }, WALL_REFRESH_DELAY_MS);
  };
  const alertFor = (report: StaffReportView) => {
    if (sound) beep();
    setFlash((f) => ({ key: (f?.key ?? 0) + 1, code: report.trackingCode }));
    clearTimeout(timers.current.flash);
    timers.current.flash = setTimeout(() => setFlash(null), FLASH_MS);
  };

  const announce = (report: StaffReportView) => {
    setTicker((items) => pushTicker(items, [tickerItem(report)]));
    // Once per report: a note or a new priority before the unit acknowledges must not flash again.
    if (isAlertPriority(report.priority) && !announced.current.has(report.id)) alertFor(report);
    announced.current.add(report.id);
  };

  const connection = useWallLive({
    onLatest: (reports) => setTicker((items) => pushTicker(items, reports.map(tickerItem))),
    onCreated: (report) => {
      announce(report);
      refreshSoon();
    },
    onChanged: (report) => {
      if (unit && arrivedInUnit(report, unit.id)) announce(report);
      refreshSoon();
    },
    onConnected: () => setRefresh((r) => r + 1),
  });

  useEffect(() => {
    const pending = timers.current;
    return () => {
      clearTimeout(pending.refresh);
      clearTimeout(pending.settle);
      clearTimeout(pending.flash);
    };
  }, []);

  const onMapState = useCallback((s: Partial<WallMapState>) => setMapState((prev) => ({ ...prev, ...s })), []);
  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  };
  const clock = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(now);

  return (
    <div className="wall" data-testid="wall">
      {flash && (
        <div
          key={flash.key}
          className="wall-flash"
          data-testid="wall-flash"
          data-tracking-code={flash.code}
          aria-hidden="true"
        />
      )}
      <header className="wall-bar">
        <div className="wall-title">
          <h1>{unit ? t('wall.unitTitle', { unit: unit.name }) : t('wall.title')}</h1>
          <time className="wall-clock">{clock}</time>
        </div>
        <WallCounters summary={summary} />
        <div className="wall-tools">
          <LiveIndicator state={connection} />
          <button
            type="button"
            className="btn btn-small btn-secondary"
            aria-pressed={sound}
            data-testid="wall-sound"
            onClick={() => {
              unlockSound();
              setSound((s) => !s);
            }}
          >
            {sound ? t('wall.sound.on') : t('wall.sound.off')}
          </button>
          <button type="button" className="btn btn-small btn-secondary" onClick={toggleFullScreen}>
            {t('wall.fullScreen')}
          </button>
          {(user?.role === 'operator' || user?.role === 'admin') && (
            <Link className="btn btn-small btn-secondary" to="/ioc">
              {t('wall.toDesk')}
            </Link>
          )}
        </div>
      </header>
      <div className="wall-map">
        <Suspense fallback={<Loading />}>
          <WallMap
            refresh={refresh}
            onState={onMapState}
            label={unit ? t('wall.unitMapLabel', { unit: unit.name }) : t('wall.mapLabel')}
          />
        </Suspense>
        <p className="wall-map-count" data-testid="wall-map-count" data-total={mapState.total ?? undefined}>
          {mapState.total === null ? t('common.loading') : t('wall.inView', { n: mapState.total })}
          {mapState.error ? <span className="wall-map-error"> · {t('wall.mapError')}</span> : null}
        </p>
        <WallLegend />
      </div>
      <aside className="wall-side">
        <WallTicker items={ticker} />
      </aside>
    </div>
  );
}

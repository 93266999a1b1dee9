import { useCallback, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { StatsFigure } from '../../../shared/schemas/stats';
import { statsApi } from '../../api/endpoints';
import { useAsync } from '../../api/useAsync';
import { useSession } from '../auth/useSession';
import { ErrorNotice } from '../../ui/Feedback';
import { Breakdowns } from './Breakdowns';
import { DrillPanel } from './DrillPanel';
import { HeadlineCards } from './HeadlineCards';
import { HeatMapSection } from './HeatMapSection';
import { useStatsMessages } from './messages';
import { StatsSkeleton } from './StatsSkeleton';
import { BucketSelect, FilterBar, PeriodPicker } from './StatsToolbar';
import { longDay } from './statsMath';
import {
  addMonths,
  BREAKDOWNS,
  cellBbox,
  localDay,
  localMonth,
  periodParams,
  type Breakdown,
  type StatsFilters,
} from './statsQuery';
import { TrendChart } from './TrendChart';
import { UnitRanking } from './UnitRanking';
import { useKept, useStatsView } from './useStatsView';
import './stats.css';

/** The filters without the unit (a unit's leader: the server decides it). */
function withoutUnit({ unitId: _unitId, ...rest }: StatsFilters): StatsFilters {
  return rest;
}

/**
 * The leaders' page: a period and filters (all in the address), headline figures against the period
 * before, the trend, breakdowns, the ranking of units, the heat map, and the reports behind any figure.
 */
export function StatsDashboard() {
  const m = useStatsMessages();
  const { user } = useSession();
  const { view, period, update, now } = useStatsView();
  // A unit's leader is held to their unit by the server; the page says so and offers no unit filter.
  const scopedUnit = user?.role === 'leader' && user.unit ? user.unit : null;
  const filters: StatsFilters = scopedUnit ? withoutUnit(view.filters) : view.filters;

  const base = periodParams(period, filters);
  const baseKey = base.toString();
  const overviewQuery = new URLSearchParams(base);
  overviewQuery.set('bucket', period.bucket);
  const overviewKey = overviewQuery.toString();
  const overview = useAsync(`stats-overview:${overviewKey}`, (signal) =>
    statsApi.overview(new URLSearchParams(overviewKey), signal),
  );
  const data = useKept(overview.data);

  const opener = useRef<HTMLElement | null>(null);
  const openDrill = useCallback(
    (figure: StatsFigure, row: StatsFilters & { bbox?: string } = {}) => {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      update({ drill: { figure, ...row, page: 1 } });
    },
    [update],
  );
  const closeDrill = useCallback(() => {
    update({ drill: null });
    const el = opener.current;
    if (el?.isConnected) requestAnimationFrame(() => el.focus());
  }, [update]);

  const periodLabel = m('period.line', { from: longDay(period.fromDay), to: longDay(period.toDay) });
  const previousLabel = data
    ? m('period.compare', {
        from: longDay(localDay(Date.parse(data.previousFrom))),
        to: longDay(localDay(Date.parse(data.previousTo) - 1)),
      })
    : '';
  // The monthly summary of the month on screen, or after a rolling period the last whole month.
  const monthlyMonth = (['month', 'lastMonth', 'custom'] as const).some((p) => p === view.period)
    ? period.toDay.slice(0, 7)
    : addMonths(localMonth(now), -1);
  const unitFilter = scopedUnit?.id ?? filters.unitId;
  const monthlyHref = `/stats/monthly?${unitFilter !== undefined ? `unitId=${unitFilter}&` : ''}month=${monthlyMonth}`;
  const unitScopedData = scopedUnit !== null || (data?.filters.unitId ?? null) !== null;
  const available: readonly Breakdown[] = unitScopedData ? BREAKDOWNS.filter((b) => b !== 'unit') : BREAKDOWNS;

  return (
    <div className={`page stats-page${view.drill ? ' with-drill' : ''}`}>
      <header className="stats-head">
        <div className="stats-title">
          <h1>{m('title')}</h1>
          <p className="stats-scope" data-testid="stats-scope">
            {scopedUnit ? m('scope.unit', { name: scopedUnit.name }) : m('scope.city')}
          </p>
          <p className="hint stats-period" data-testid="stats-period">
            <strong>{periodLabel}</strong> {previousLabel}
          </p>
        </div>
        <div className="stats-actions">
          <Link className="btn btn-secondary" to={monthlyHref} data-testid="monthly-link">
            {m('action.monthly')}
          </Link>
          <a
            className="btn btn-secondary"
            href={statsApi.exportCsvUrl(base)}
            download
            title={m('action.exportHint')}
            data-testid="export-csv"
          >
            {m('action.export')}
          </a>
        </div>
      </header>

      <div className="stats-toolbar card">
        <PeriodPicker key={`${period.fromDay}:${period.toDay}`} view={view} period={period} onChange={update} />
        <div className="stats-toolbar-row">
          <FilterBar
            filters={filters}
            unitScoped={scopedUnit !== null}
            onChange={(f) => update({ filters: f, drill: null })}
          />
          <BucketSelect value={period.bucket} onChange={(bucket) => update({ bucket })} />
        </div>
      </div>

      {overview.error !== undefined && <ErrorNotice error={overview.error} onRetry={overview.reload} />}
      {!data ? (
        overview.error === undefined && <StatsSkeleton label={m('loading.figures')} />
      ) : (
        <div
          className={`stats-body${overview.loading ? ' refreshing' : ''}`}
          aria-busy={overview.loading}
          data-testid="stats-body"
          data-loading={overview.loading}
        >
          <HeadlineCards overview={data} onDrill={(f) => openDrill(f)} now={now} />
          <section className="card stats-section" aria-labelledby="stats-trend-title">
            <h2 className="section-title" id="stats-trend-title">
              {m('trend.title')}
            </h2>
            <TrendChart points={data.trend.points} bucket={data.trend.bucket} />
          </section>
          <Breakdowns
            by={view.by}
            available={available}
            rowsOf={(by) => data.breakdowns[by]}
            periodLabel={periodLabel}
            monthlyMonth={monthlyMonth}
            onBy={(by) => update({ by }, { replace: true })}
            onDrill={openDrill}
          />
          <div className={unitScopedData ? 'stats-one' : 'stats-columns'}>
            {!unitScopedData && <UnitRanking ranking={data.ranking} onDrill={openDrill} />}
            <HeatMapSection
              query={new URLSearchParams(baseKey)}
              onCell={(lat, lng, cellDeg) => openDrill('received', { bbox: cellBbox(lat, lng, cellDeg) })}
            />
          </div>
        </div>
      )}

      {view.drill && (
        <DrillPanel
          drill={view.drill}
          period={period}
          filters={filters}
          onClose={closeDrill}
          onPage={(page) => view.drill && update({ drill: { ...view.drill, page } }, { replace: true })}
        />
      )}
    </div>
  );
}

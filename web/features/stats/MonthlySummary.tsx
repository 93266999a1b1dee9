import { useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Compared, StatsFigure, StatsOverview } from '../../../shared/schemas/stats';
import { statsApi } from '../../api/endpoints';
import { useUnits } from '../../api/reference';
import { useAsync } from '../../api/useAsync';
import { formatDateTime, useI18n } from '../../i18n';
import { ErrorNotice } from '../../ui/Feedback';
import { useSession } from '../auth/useSession';
import { BreakdownTable } from './Breakdowns';
import { AgeLegend, DeltaMark } from './HeadlineCards';
import { useStatsMessages, type StatsKey } from './messages';
import { StatsSkeleton } from './StatsSkeleton';
import { UnitSelect } from './StatsToolbar';
import {
  changeTone,
  formatCount,
  formatFigure,
  formatMinutes,
  longDay,
  shortMonth,
  type FigureKind,
  type GoodWhen,
} from './statsMath';
import {
  addMonths,
  isMonth,
  localMonth,
  monthPeriod,
  periodParams,
  viewToParams,
  type StatsFilters,
} from './statsQuery';
import { TrendChart } from './TrendChart';
import './stats.css';

/** A figure of this month against the month before (not the same number of days before: the calendar month). */
function compare(value: number | null, previous: number | null): Compared {
  return { value, previous, delta: value === null || previous === null ? null : value - previous };
}

interface Row {
  key: StatsKey;
  kind: FigureKind;
  goodWhen: GoodWhen;
  pick: (o: StatsOverview) => number | null;
}

const ROWS: Row[] = [
  { key: 'fig.received', kind: 'count', goodWhen: 'neutral', pick: (o) => o.headline.received.value },
  { key: 'fig.resolved', kind: 'count', goodWhen: 'up', pick: (o) => o.headline.resolved.value },
  { key: 'fig.onTimeRate', kind: 'rate', goodWhen: 'up', pick: (o) => o.headline.onTimeRate.value },
  {
    key: 'monthly.late',
    kind: 'count',
    goodWhen: 'down',
    pick: (o) => o.headline.resolved.value - o.headline.resolvedOnTime.value,
  },
  { key: 'monthly.median', kind: 'minutes', goodWhen: 'down', pick: (o) => o.headline.medianResolveMinutes.value },
  { key: 'monthly.p90', kind: 'minutes', goodWhen: 'down', pick: (o) => o.headline.p90ResolveMinutes.value },
  { key: 'monthly.backlog', kind: 'count', goodWhen: 'down', pick: (o) => o.backlog.open },
  { key: 'monthly.backlogAge', kind: 'minutes', goodWhen: 'down', pick: (o) => o.backlog.medianAgeMinutes },
  { key: 'fig.satisfaction', kind: 'rate', goodWhen: 'up', pick: (o) => o.satisfaction.rate },
  { key: 'monthly.satisfactionMean', kind: 'score', goodWhen: 'up', pick: (o) => o.satisfaction.mean },
  { key: 'monthly.rejected', kind: 'count', goodWhen: 'neutral', pick: (o) => o.headline.rejected.value },
];

/** The month's headline figures against the month before, as a table that prints well. */
function HeadlineTable({ cur, prev, month }: { cur: StatsOverview; prev: StatsOverview; month: string }) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const prevMonth = addMonths(month, -1);
  return (
    <table className="data-table monthly-table" data-testid="monthly-headline">
      <caption className="sr-only">
        {m('monthly.headlineCaption', { month: shortMonth(month), prev: shortMonth(prevMonth) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{m('monthly.figure')}</th>
          <th scope="col" className="num">
            {shortMonth(month)}
          </th>
          <th scope="col" className="num">
            {shortMonth(prevMonth)}
          </th>
          <th scope="col" className="num">
            {m('monthly.change')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((r) => {
          const c = compare(r.pick(cur), r.pick(prev));
          const tone = changeTone(c.delta, r.goodWhen);
          return (
            <tr key={r.key} data-figure={r.key}>
              <th scope="row">{m(r.key)}</th>
              <td className="num strong">{formatFigure(c.value, r.kind, lang)}</td>
              <td className="num">{formatFigure(c.previous, r.kind, lang)}</td>
              <td className={`num tone-${tone}`} data-tone={tone}>
                {c.delta === null ? (
                  '—'
                ) : tone === 'none' ? (
                  m('change.none')
                ) : (
                  <DeltaMark delta={c.delta} kind={r.kind} tone={tone} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * `/stats/monthly?unitId=&month=YYYY-MM`: one unit's (or the city's) month on one A4 page — headline
 * figures against the month before, the daily trend, categories, backlog and late resolutions.
 */
export function MonthlySummary() {
  const m = useStatsMessages();
  const { lang, name } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const units = useUnits();
  const scopedUnit = user?.role === 'leader' && user.unit ? user.unit : null;
  const month = isMonth(params.get('month')) ? params.get('month')! : localMonth(now);
  const rawUnit = Number(params.get('unitId'));
  const unitId = scopedUnit?.id ?? (Number.isInteger(rawUnit) && rawUnit > 0 ? rawUnit : undefined);
  const filters: StatsFilters = unitId !== undefined ? { unitId } : {};
  const cur = monthPeriod(month);
  const prevMonth = addMonths(month, -1);
  const curQuery = periodParams(cur, filters);
  curQuery.set('bucket', 'day');
  const prevQuery = periodParams(monthPeriod(prevMonth), filters);
  prevQuery.set('bucket', 'month');
  const curKey = curQuery.toString();
  const prevKey = prevQuery.toString();
  const current = useAsync(`monthly:${curKey}`, (signal) => statsApi.overview(new URLSearchParams(curKey), signal));
  const previous = useAsync(`monthly:${prevKey}`, (signal) => statsApi.overview(new URLSearchParams(prevKey), signal));

  const unitName = scopedUnit
    ? scopedUnit.name
    : unitId !== undefined
      ? (() => {
          const u = units.data?.find((x) => x.id === unitId);
          return u ? name(u.name) : (current.data?.breakdowns.unit.find((r) => r.key === String(unitId))?.name ?? '');
        })()
      : m('scope.city');

  const setQuery = (patch: { month?: string; unitId?: number | undefined }) => {
    const next = new URLSearchParams(params);
    if (patch.month !== undefined) next.set('month', patch.month);
    if ('unitId' in patch) {
      if (patch.unitId === undefined) next.delete('unitId');
      else next.set('unitId', String(patch.unitId));
    }
    setParams(next);
  };

  /** The reports behind a number: the leaders' page for this month, with the list open. */
  const drillTo = (figure: StatsFigure, row: StatsFilters) => {
    const p = viewToParams({
      period: 'custom',
      fromDay: cur.fromDay,
      toDay: cur.toDay,
      filters,
      by: 'unit',
      drill: { figure, ...row, page: 1 },
    });
    void navigate(`/stats?${p.toString()}`);
  };

  const data = current.data;
  const prev = previous.data;
  const error = current.error ?? previous.error;
  const late = data ? data.headline.resolved.value - data.headline.resolvedOnTime.value : 0;

  return (
    <div className="page monthly-page" data-testid="monthly-summary">
      <div className="monthly-controls no-print">
        <Link to="/stats" className="link-back">
          ← {m('monthly.back')}
        </Link>
        <div className="monthly-pickers">
          <div className="field-inline">
            <label htmlFor={`${id}-month`}>{m('monthly.month')}</label>
            <input
              id={`${id}-month`}
              type="month"
              value={month}
              data-testid="monthly-month"
              onChange={(e) => isMonth(e.target.value) && setQuery({ month: e.target.value })}
            />
          </div>
          {!scopedUnit && (
            <div className="field-inline">
              <label htmlFor={`${id}-unit`}>{m('monthly.unit')}</label>
              <UnitSelect
                id={`${id}-unit`}
                value={unitId}
                testId="monthly-unit"
                allLabel={m('scope.city')}
                onChange={(unitId) => setQuery({ unitId })}
              />
            </div>
          )}
          <button type="button" className="btn btn-primary" onClick={() => window.print()} data-testid="monthly-print">
            {m('monthly.print')}
          </button>
        </div>
      </div>

      <header className="monthly-head">
        <p className="monthly-kicker">{m('monthly.subtitle')}</p>
        <h1>{m('monthly.title', { month: shortMonth(month) })}</h1>
        <p className="monthly-unit" data-testid="monthly-unit-name">
          {unitName}
        </p>
        <p className="hint" data-testid="monthly-range" data-from={cur.from} data-to={cur.to}>
          {m('monthly.range', { from: longDay(cur.fromDay), to: longDay(cur.toDay), prev: shortMonth(prevMonth) })}
        </p>
      </header>

      {error !== undefined && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            current.reload();
            previous.reload();
          }}
        />
      )}
      {!data || !prev ? (
        error === undefined && <StatsSkeleton label={m('loading.figures')} />
      ) : (
        <div
          className={`monthly-body${current.loading || previous.loading ? ' refreshing' : ''}`}
          aria-busy={current.loading || previous.loading}
        >
          <section className="monthly-section" aria-labelledby="monthly-headline-title">
            <h2 id="monthly-headline-title">{m('monthly.headline')}</h2>
            <div className="table-wrap">
              <HeadlineTable cur={data} prev={prev} month={month} />
            </div>
          </section>
          <section className="monthly-section" aria-labelledby="monthly-daily-title">
            <h2 id="monthly-daily-title">{m('monthly.daily')}</h2>
            <TrendChart points={data.trend.points} bucket="day" height={220} />
          </section>
          <section className="monthly-section" aria-labelledby="monthly-category-title">
            <h2 id="monthly-category-title">{m('monthly.byCategory')}</h2>
            <BreakdownTable
              by="category"
              rows={data.breakdowns.category}
              periodLabel={m('period.line', { from: longDay(cur.fromDay), to: longDay(cur.toDay) })}
              onDrill={drillTo}
            />
          </section>
          <div className="monthly-pair">
            <section className="monthly-section" aria-labelledby="monthly-backlog-title" data-testid="monthly-backlog">
              <h2 id="monthly-backlog-title">{m('monthly.backlog')}</h2>
              <p>
                {m('monthly.backlogText', {
                  n: formatCount(data.backlog.open, lang),
                  age: formatMinutes(data.backlog.medianAgeMinutes, lang),
                  oldest: formatMinutes(data.backlog.oldestAgeMinutes, lang),
                })}
              </p>
              <AgeLegend bands={data.backlog.ageBands} />
            </section>
            <section className="monthly-section" aria-labelledby="monthly-late-title" data-testid="monthly-late">
              <h2 id="monthly-late-title">{m('monthly.late')}</h2>
              <p>
                <strong className="monthly-late-count" data-testid="monthly-late-count">
                  {formatCount(late, lang)}
                </strong>{' '}
                {m('monthly.lateText', {
                  resolved: formatCount(data.headline.resolved.value, lang),
                })}
              </p>
              {late > 0 && (
                <button type="button" className="link-button no-print" onClick={() => drillTo('late', {})}>
                  {m('monthly.lateLink')}
                </button>
              )}
            </section>
          </div>
          <p className="hint monthly-generated">
            {m('monthly.generated', { at: formatDateTime(new Date(now).toISOString(), lang) })}
          </p>
        </div>
      )}
    </div>
  );
}

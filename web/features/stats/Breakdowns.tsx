import { Link } from 'react-router-dom';
import type { StatsBreakdownRow, StatsFigure } from '../../../shared/schemas/stats';
import { useCategories } from '../../api/reference';
import { isMessageKey, useI18n } from '../../i18n';
import { useStatsMessages, type StatsT } from './messages';
import { formatCount, formatMinutes, formatRate } from './statsMath';
import { BREAKDOWNS, rowFilter, type Breakdown, type StatsFilters } from './statsQuery';

/** The readable name of a breakdown row: unit and ward names from the server, categories and channels translated. */
export function useRowName(): (by: Breakdown, row: Pick<StatsBreakdownRow, 'key' | 'name'>) => string {
  const { t, name } = useI18n();
  const m = useStatsMessages();
  const categories = useCategories();
  return (by, row) => {
    if (row.key === null) return by === 'unit' ? m('by.none.unit') : by === 'area' ? m('by.none.area') : m('by.none');
    if (by === 'category') {
      const c = categories.data?.find((x) => x.code === row.key);
      return c ? name(c.name) : row.key;
    }
    if (by === 'channel') {
      const key = `channel.${row.key}`;
      return isMessageKey(key) ? t(key) : row.key;
    }
    return row.name ?? row.key;
  };
}

/** A number in a table cell that opens the reports behind it (plain text when there are none or no filter). */
function CellButton({
  value,
  figure,
  filter,
  label,
  onDrill,
}: {
  value: string;
  figure: StatsFigure;
  filter: StatsFilters | null;
  label: string;
  onDrill: (figure: StatsFigure, filter: StatsFilters) => void;
}) {
  if (!filter || value === '0' || value === '—') return <>{value}</>;
  return (
    <button
      type="button"
      className="cell-button"
      aria-label={label}
      data-figure={figure}
      onClick={() => onDrill(figure, filter)}
    >
      {value}
    </button>
  );
}

const byCaption = (m: StatsT, by: Breakdown, period: string) =>
  m('by.caption', { by: m(`by.${by}`).toLowerCase(), period });

/** The number columns of a breakdown table, in order (`col.*` messages). */
const NUMBER_COLUMNS = ['received', 'resolved', 'onTime', 'late', 'median', 'satisfaction'] as const;

/** One breakdown as a table: received, resolved, on time, late, median time and satisfaction per row. */
export function BreakdownTable({
  by,
  rows,
  periodLabel,
  monthlyMonth,
  onDrill,
}: {
  by: Breakdown;
  rows: StatsBreakdownRow[];
  periodLabel: string;
  /** The month the unit rows' "monthly report" links open (units only). */
  monthlyMonth?: string;
  onDrill: (figure: StatsFigure, filter: StatsFilters) => void;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const rowName = useRowName();
  const sorted = [...rows].sort((a, b) => b.received - a.received || b.resolved - a.resolved);
  if (sorted.length === 0) return <p className="hint">{m('by.empty')}</p>;
  const n = (x: number) => formatCount(x, lang);
  const showMonthly = by === 'unit' && monthlyMonth !== undefined;
  return (
    <div className="table-wrap">
      <table className="data-table breakdown-table" data-testid={`breakdown-${by}`}>
        <caption className="table-caption">
          <span className="caption-text">
            {byCaption(m, by, periodLabel)} <span className="no-print">{m('by.captionHint')}</span>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{m(`by.${by}`)}</th>
            {NUMBER_COLUMNS.map((c) => (
              <th key={c} scope="col" className="num">
                {m(`col.${c}`)}
              </th>
            ))}
            {showMonthly && (
              <th scope="col" className="no-print">
                <span className="sr-only">{m('col.report')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const label = rowName(by, row);
            const filter = rowFilter(by, row.key);
            const late = row.resolved - row.resolvedOnTime;
            const cell = (figure: StatsFigure, figureLabel: string, value: string) => (
              <CellButton
                value={value}
                figure={figure}
                filter={filter}
                label={m('cell.open', { figure: figureLabel, name: label, value })}
                onDrill={onDrill}
              />
            );
            return (
              <tr key={row.key ?? '-'} data-key={row.key ?? ''}>
                <th scope="row">{label}</th>
                <td className="num">{cell('received', m('col.received'), n(row.received))}</td>
                <td className="num">{cell('resolved', m('col.resolved'), n(row.resolved))}</td>
                <td className={`num${row.onTimeRate !== null && row.onTimeRate < 0.8 ? ' low' : ''}`}>
                  {formatRate(row.onTimeRate, lang)}
                </td>
                <td className="num">{cell('late', m('col.late'), n(late))}</td>
                <td className="num">{formatMinutes(row.medianResolveMinutes, lang)}</td>
                <td className="num">
                  {row.satisfaction.count > 0 ? (
                    <>
                      {cell('rated', m('col.satisfaction'), formatRate(row.satisfaction.rate, lang))}{' '}
                      <span className="hint-inline">({n(row.satisfaction.count)})</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                {showMonthly && (
                  <td className="no-print">
                    {filter?.unitId !== undefined && (
                      <Link
                        className="row-link"
                        to={`/stats/monthly?unitId=${filter.unitId}&month=${monthlyMonth}`}
                        aria-label={m('cell.monthly', { name: label })}
                        data-testid="unit-monthly-link"
                      >
                        {m('col.report')}
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The breakdown switch (unit, ward, category, channel) and the chosen table. */
export function Breakdowns({
  by,
  available,
  rowsOf,
  periodLabel,
  monthlyMonth,
  onBy,
  onDrill,
}: {
  by: Breakdown;
  available: readonly Breakdown[];
  rowsOf: (by: Breakdown) => StatsBreakdownRow[];
  periodLabel: string;
  monthlyMonth: string;
  onBy: (by: Breakdown) => void;
  onDrill: (figure: StatsFigure, filter: StatsFilters) => void;
}) {
  const m = useStatsMessages();
  const shown = available.includes(by) ? by : available[0]!;
  return (
    <section className="card stats-section" aria-labelledby="stats-by-title">
      <div className="section-head">
        <h2 className="section-title" id="stats-by-title">
          {m('by.title')}
        </h2>
        <div className="pill-group" role="group" aria-label={m('by.label')} data-testid="breakdown-switch">
          {BREAKDOWNS.filter((b) => available.includes(b)).map((b) => (
            <button key={b} type="button" className="pill" aria-pressed={shown === b} onClick={() => onBy(b)}>
              {m(`by.${b}`)}
            </button>
          ))}
        </div>
      </div>
      <BreakdownTable
        by={shown}
        rows={rowsOf(shown)}
        periodLabel={periodLabel}
        monthlyMonth={monthlyMonth}
        onDrill={onDrill}
      />
    </section>
  );
}

import type { StatsFigure, StatsOverview } from '../../../shared/schemas/stats';
import { useI18n } from '../../i18n';
import { useStatsMessages } from './messages';
import { formatCount, formatRate } from './statsMath';
import type { StatsFilters } from './statsQuery';

/**
 * Units by on-time rate, best first, among those with enough resolutions to compare; the others are
 * listed apart with the minimum sample explained, never ranked on two or three reports.
 */
export function UnitRanking({
  ranking,
  onDrill,
}: {
  ranking: StatsOverview['ranking'];
  onDrill: (figure: StatsFigure, filter: StatsFilters) => void;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const unnamed = m('by.none');
  return (
    <section className="card stats-section" aria-labelledby="stats-rank-title" data-testid="ranking">
      <h2 className="section-title" id="stats-rank-title">
        {m('rank.title')}
      </h2>
      {ranking.ranked.length === 0 ? (
        <p className="hint" data-testid="ranking-none">
          {m('rank.none', { n: ranking.minSample })}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table ranking-table" data-testid="ranking-table">
            <caption className="table-caption">
              <span className="caption-text">{m('rank.caption', { n: ranking.minSample })}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {m('rank.rank')}
                </th>
                <th scope="col">{m('rank.unit')}</th>
                <th scope="col">{m('rank.rate')}</th>
                <th scope="col" className="num">
                  {m('rank.resolved')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranked.map((u) => (
                <tr key={u.unitId} data-unit-id={u.unitId} data-testid="ranked-unit">
                  <td className="num rank-no">{u.rank}</td>
                  <th scope="row">{u.name ?? unnamed}</th>
                  <td>
                    <span className="rank-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(u.onTimeRate * 100)}%` }} />
                    </span>
                    <span className={`rank-rate${u.onTimeRate < 0.8 ? ' low' : ''}`}>
                      {formatRate(u.onTimeRate, lang)}
                    </span>
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={m('cell.open', {
                        figure: m('rank.resolved'),
                        name: u.name ?? unnamed,
                        value: formatCount(u.resolved, lang),
                      })}
                      onClick={() => onDrill('resolved', { unitId: u.unitId })}
                    >
                      {formatCount(u.resolved, lang)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranking.tooFewToRank.length > 0 && (
        <div className="too-few" data-testid="too-few-to-rank">
          <h3>{m('rank.tooFew')}</h3>
          <p className="hint">{m('rank.tooFewHint', { n: ranking.minSample })}</p>
          <ul>
            {ranking.tooFewToRank.map((u) => (
              <li key={u.unitId} data-unit-id={u.unitId}>
                {m('rank.tooFewItem', { name: u.name ?? unnamed, n: formatCount(u.resolved, lang) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

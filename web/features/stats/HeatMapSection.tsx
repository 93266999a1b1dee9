import { statsApi } from '../../api/endpoints';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import { HEAT_SCALE } from './heat';
import StatsHeatMap from './StatsHeatMap';
import { useStatsMessages } from './messages';
import { formatCount } from './statsMath';
import { useKept } from './useStatsView';

const TOP_CELLS = 5;

/**
 * Where reports came from: the heat map, and its busiest cells as buttons (the keyboard's and the
 * screen reader's way into the same lists).
 */
export function HeatMapSection({
  query,
  onCell,
}: {
  /** The period and filters, as the API takes them. */
  query: URLSearchParams;
  onCell: (lat: number, lng: number, cellDeg: number) => void;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const key = query.toString();
  const heat = useAsync(`stats-heat:${key}`, (signal) => statsApi.heatmap(new URLSearchParams(key), signal));
  const data = useKept(heat.data);
  const top = data ? [...data.cells].sort((a, b) => b[2] - a[2]).slice(0, TOP_CELLS) : [];
  const size = data ? Math.round((data.cellDeg * 111_320) / 10) * 10 : 0;
  return (
    <section className="card stats-section" aria-labelledby="stats-heat-title" data-testid="heatmap">
      <h2 className="section-title" id="stats-heat-title">
        {m('heat.title')}
      </h2>
      {heat.error !== undefined && !data ? (
        <ErrorNotice error={heat.error} onRetry={heat.reload} />
      ) : !data ? (
        <Loading label={m('heat.loading')} />
      ) : (
        <div className={`heat-body${heat.loading ? ' refreshing' : ''}`} aria-busy={heat.loading}>
          <p className="hint">{m('heat.hint', { size: formatCount(size, lang) })}</p>
          <div className="heat-layout">
            <StatsHeatMap heatmap={data} onCell={(lat, lng) => onCell(lat, lng, data.cellDeg)} />
            <div className="heat-side">
              <div className="heat-legend" aria-hidden="true">
                <span>{m('heat.few')}</span>
                {HEAT_SCALE.map((c) => (
                  <span key={c} className="heat-swatch" style={{ background: c }} />
                ))}
                <span>{m('heat.many')}</span>
              </div>
              {top.length === 0 ? (
                <p className="hint">{m('heat.empty')}</p>
              ) : (
                <>
                  <h3 className="heat-top-title">{m('heat.top')}</h3>
                  <ol className="heat-top" data-testid="heat-top">
                    {top.map(([lat, lng, count]) => (
                      <li key={`${lat},${lng}`}>
                        <button
                          type="button"
                          className="link-button"
                          data-testid="heat-cell"
                          onClick={() => onCell(lat, lng, data.cellDeg)}
                        >
                          {m('heat.cell', {
                            n: formatCount(count, lang),
                            lat: (lat + data.cellDeg / 2).toFixed(4),
                            lng: (lng + data.cellDeg / 2).toFixed(4),
                          })}
                        </button>
                      </li>
                    ))}
                  </ol>
                </>
              )}
              {data.unlocated > 0 && (
                <p className="hint">{m('heat.unlocated', { n: formatCount(data.unlocated, lang) })}</p>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

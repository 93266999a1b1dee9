import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsBucket, StatsTrendPoint } from '../../../shared/schemas/stats';
import { useI18n } from '../../i18n';
import { useStatsMessages } from './messages';
import { formatCount, longDay, shortDay, shortMonth } from './statsMath';

export const TREND_COLORS = { received: '#1d4ed8', resolved: '#15803d', onTime: '#b45309' } as const;

/** The label of a bucket's first day on the axis. */
export function bucketLabel(start: string, bucket: StatsBucket): string {
  return bucket === 'month' ? shortMonth(start) : shortDay(start);
}

/**
 * Received and resolved per bucket (bars) with those resolved on time (line). The chart is described
 * in words for screen readers, and the same figures follow as a table (folded away by default).
 */
export function TrendChart({
  points,
  bucket,
  height = 280,
  showTable = true,
}: {
  points: StatsTrendPoint[];
  bucket: StatsBucket;
  height?: number;
  showTable?: boolean;
}) {
  const { lang } = useI18n();
  const m = useStatsMessages();
  const bucketName = m(`bucket.${bucket}`).toLowerCase();
  const totals = points.reduce((s, p) => ({ received: s.received + p.received, resolved: s.resolved + p.resolved }), {
    received: 0,
    resolved: 0,
  });
  const rows = points.map((p) => ({ ...p, label: bucketLabel(p.start, bucket) }));
  return (
    <div className="trend">
      <div
        className="trend-chart"
        role="img"
        aria-label={m('trend.chartLabel', {
          bucket: bucketName,
          received: formatCount(totals.received, lang),
          resolved: formatCount(totals.resolved, lang),
        })}
        data-testid="trend-chart"
      >
        <ResponsiveContainer width="100%" height={height}>
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} minTickGap={10} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar
              dataKey="received"
              name={m('trend.received')}
              fill={TREND_COLORS.received}
              isAnimationActive={false}
              radius={[2, 2, 0, 0]}
            />
            <Bar
              dataKey="resolved"
              name={m('trend.resolved')}
              fill={TREND_COLORS.resolved}
              isAnimationActive={false}
              radius={[2, 2, 0, 0]}
            />
            <Line
              dataKey="resolvedOnTime"
              name={m('trend.onTime')}
              stroke={TREND_COLORS.onTime}
              strokeWidth={2}
              dot={false}
              type="linear"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {showTable && (
        <details className="trend-table no-print">
          <summary>{m('trend.table')}</summary>
          <div className="table-wrap">
            <table className="data-table" data-testid="trend-table">
              <caption className="sr-only">{m('trend.caption', { bucket: bucketName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{m('trend.col.start')}</th>
                  <th scope="col" className="num">
                    {m('trend.received')}
                  </th>
                  <th scope="col" className="num">
                    {m('trend.resolved')}
                  </th>
                  <th scope="col" className="num">
                    {m('trend.onTime')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {points.map((p) => (
                  <tr key={p.start}>
                    <th scope="row">{bucket === 'month' ? shortMonth(p.start) : longDay(p.start)}</th>
                    <td className="num">{formatCount(p.received, lang)}</td>
                    <td className="num">{formatCount(p.resolved, lang)}</td>
                    <td className="num">{formatCount(p.resolvedOnTime, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REPORT_STATUSES, type ReportStatus } from '../../../shared/domain/statuses';
import { useI18n } from '../../i18n';

/** Status colours, the same as the badges'. */
export const STATUS_COLORS: Record<ReportStatus, string> = {
  received: '#2563eb',
  assigned: '#7c3aed',
  in_progress: '#d97706',
  resolved: '#16a34a',
  closed: '#475569',
  reopened: '#ea580c',
  rejected: '#b91c1c',
  duplicate: '#94a3b8',
};

/** Horizontal bars: how many reports are in each status. */
export function StatusChart({ counts }: { counts: Partial<Record<ReportStatus, number>> }) {
  const { t } = useI18n();
  const rows = REPORT_STATUSES.map((s) => ({ status: s, label: t(`status.${s}`), count: counts[s] ?? 0 })).filter(
    (r) => r.count > 0,
  );
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 38 + 20)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 8 }}>
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 13 }} />
        <Tooltip />
        <Bar
          dataKey="count"
          name={t('stats.count')}
          isAnimationActive={false}
          label={{ position: 'right', fontSize: 12 }}
        >
          {rows.map((r) => (
            <Cell key={r.status} fill={STATUS_COLORS[r.status]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

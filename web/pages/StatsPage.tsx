import { MonthlySummary } from '../features/stats/MonthlySummary';
import { StatsDashboard } from '../features/stats/StatsDashboard';

// Both statistics pages live in one lazy chunk (StatsPage-*), which the resident's service worker never
// precaches: a second page would give recharts a chunk of its own name that it would.

/** `/stats`: the leaders' figures (period, filters and drill-down in the address). */
export default function StatsPage() {
  return <StatsDashboard />;
}

/** `/stats/monthly?unitId=&month=YYYY-MM`: a unit's printable monthly summary. */
export function StatsMonthlyPage() {
  return <MonthlySummary />;
}

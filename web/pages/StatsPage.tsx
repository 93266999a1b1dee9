import { StatsDashboard } from '../features/stats/StatsDashboard';

/** `/stats`: leaders' figures. */
export default function StatsPage() {
  return <StatsDashboard />;
}

import type { ReportStatus } from '../../../shared/domain/statuses';
import type { StatsSummary } from '../../../shared/schemas/stats';
import type { Clock } from '../../domain/clock';
import { DEFAULT_CALENDAR, type WorkingCalendar } from '../../domain/working-time';
import type { StatsRepository, StatsScope } from './stats.repository';

const DAY = 86_400_000;

/** The middle value of a sorted list (mean of the two middle ones when even), or null when empty. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Leaders' figures (a unit's leader: that unit's only). */
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar = DEFAULT_CALENDAR,
  ) {}

  /** Volume, status, and on-time figures for reports in [from, to); default the last 30 days. */
  summary(range: { from?: string; to?: string }, scope: StatsScope = {}): StatsSummary {
    const to = range.to ? Date.parse(range.to) : this.clock.now();
    const from = range.from ? Date.parse(range.from) : to - 30 * DAY;
    const offset = this.calendar.utcOffsetMinutes * 60_000;
    const perDay = this.repo.perDay(from, to, offset, scope);
    const statusCounts: Partial<Record<ReportStatus, number>> = {};
    for (const s of this.repo.statusCounts(from, to, scope)) statusCounts[s.status as ReportStatus] = s.count;
    const byUnit = this.repo.byUnit(from, to, scope).filter((u) => u.received > 0 || u.resolved > 0);
    const resolved = byUnit.reduce((n, u) => n + u.resolved, 0);
    const resolvedOnTime = byUnit.reduce((n, u) => n + u.onTime, 0);
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      received: perDay.reduce((n, d) => n + d.count, 0),
      perDay,
      statusCounts,
      resolved,
      resolvedOnTime,
      onTimeRate: resolved > 0 ? resolvedOnTime / resolved : null,
      byUnit,
      medianResolveMinutes: median(this.repo.resolveMinutes(from, to, scope)),
      overdueOpen: this.repo.overdueOpen(this.clock.now(), scope),
      unitId: scope.unitId ?? null,
    };
  }
}

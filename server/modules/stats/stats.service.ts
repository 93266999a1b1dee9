import type { ReportStatus } from '../../../shared/domain/statuses';
import type { StatsSummary } from '../../../shared/schemas/stats';
import type { Clock } from '../../domain/clock';
import { DEFAULT_CALENDAR, type WorkingCalendar } from '../../domain/working-time';
import type { StatsRepository } from './stats.repository';

const DAY = 86_400_000;

/** Leaders' figures. */
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly clock: Clock,
    private readonly calendar: WorkingCalendar = DEFAULT_CALENDAR,
  ) {}

  /** Volume, status, and on-time figures for reports in [from, to); default the last 30 days. */
  summary(range: { from?: string; to?: string }): StatsSummary {
    const to = range.to ? Date.parse(range.to) : this.clock.now();
    const from = range.from ? Date.parse(range.from) : to - 30 * DAY;
    const offset = this.calendar.utcOffsetMinutes * 60_000;
    const perDay = this.repo.perDay(from, to, offset);
    const statusCounts: Partial<Record<ReportStatus, number>> = {};
    for (const s of this.repo.statusCounts(from, to)) statusCounts[s.status as ReportStatus] = s.count;
    const byUnit = this.repo.byUnit(from, to).filter((u) => u.received > 0 || u.resolved > 0);
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
    };
  }
}

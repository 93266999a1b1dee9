import { and, asc, inArray, isNull, lte } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { Priority } from '../../../shared/domain/channels';
import type { Db } from '../../db/client';
import { reports } from '../../db/schema';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { ReportWriter } from '../reports/report-writer';

// Escalation: an overdue report is at least high priority.
const ESCALATE: Record<Priority, Priority> = { low: 'high', normal: 'high', high: 'high', urgent: 'urgent' };

/**
 * Finds open reports past their deadline and marks each overdue exactly once: sets `overdueAt`, raises
 * the priority to at least high (the IOC inbox sorts it up; the unit's room and leaders are pushed the
 * `overdue` event), all through the report writer.
 */
export class OverdueScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly writer: ReportWriter,
    private readonly clock: Clock,
  ) {}

  /** Marks every report that became overdue since the last run; returns how many. */
  tick(limit = 500): number {
    const now = this.clock.now();
    const due = this.db
      .select()
      .from(reports)
      .where(and(inArray(reports.status, [...OPEN_STATUSES]), lte(reports.dueAt, now), isNull(reports.overdueAt)))
      .orderBy(asc(reports.dueAt))
      .limit(limit)
      .all();
    let marked = 0;
    for (const row of due) {
      try {
        const priority = ESCALATE[row.priority as Priority] ?? 'high';
        this.writer.change(
          row,
          row.version,
          { type: 'overdue', patch: { overdueAt: now, priority } },
          { role: 'system' },
          now,
        );
        marked++;
      } catch (e) {
        // Someone changed it at that very moment: the next tick sees it again.
        if (!(e instanceof AppError && e.code === 'version_conflict')) throw e;
      }
    }
    return marked;
  }

  /** Runs `tick` now and then every `everyMs`. */
  start(everyMs = 30_000): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  /** Stops the timer. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

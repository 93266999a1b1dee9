import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { Db } from '../../db/client';
import { reports } from '../../db/schema';

/** An open report as the wall map needs it. */
export interface WallPoint {
  id: number;
  trackingCode: string;
  status: string;
  priority: string;
  categoryCode: string;
  lat: number;
  lng: number;
  dueAt: number;
}

/** Queries behind the IOC wall. */
export class IocMapRepository {
  constructor(private readonly db: Db) {}

  /** Every open report that has a point. */
  openPoints(): WallPoint[] {
    return this.db
      .select({
        id: reports.id,
        trackingCode: reports.trackingCode,
        status: reports.status,
        priority: reports.priority,
        categoryCode: reports.categoryCode,
        lat: sql<number>`${reports.lat}`,
        lng: sql<number>`${reports.lng}`,
        dueAt: reports.dueAt,
      })
      .from(reports)
      .where(and(inArray(reports.status, [...OPEN_STATUSES]), isNotNull(reports.lat)))
      .all();
  }

  /** Headline counts: received since `since`, open, open past due, resolved since `resolvedSince` (and on time). */
  summary(since: number, now: number, resolvedSince: number) {
    return this.db.get<{ today: number; open: number; overdue: number; resolved: number; onTime: number }>(sql`
      select
        (select count(*) from reports where created_at >= ${since}) as today,
        (select count(*) from reports where status in ${[...OPEN_STATUSES]}) as open,
        (select count(*) from reports where status in ${[...OPEN_STATUSES]} and due_at < ${now}) as overdue,
        (select count(*) from reports where resolved_at >= ${resolvedSince}) as resolved,
        (select count(*) from reports where resolved_at >= ${resolvedSince} and resolved_at <= due_at) as onTime`)!;
  }
}

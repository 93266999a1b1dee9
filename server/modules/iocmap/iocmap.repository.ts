import { and, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
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
  /** The responsible unit (the proposed one while the report is still in the IOC inbox). */
  unitId: number | null;
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
        unitId: reports.unitId,
        lat: sql<number>`${reports.lat}`,
        lng: sql<number>`${reports.lng}`,
        dueAt: reports.dueAt,
      })
      .from(reports)
      .where(and(inArray(reports.status, [...OPEN_STATUSES]), isNotNull(reports.lat)))
      .all();
  }

  /**
   * Headline counts: received since `since`, open, open past due, resolved since `resolvedSince` (and on
   * time). With `unitId`, only that unit's reports once dispatched to it (the unit-scoped list's rule:
   * one still in the IOC inbox, status `received`, is not the unit's yet).
   */
  summary(since: number, now: number, resolvedSince: number, unitId?: number) {
    const scope: SQL = unitId === undefined ? sql`1 = 1` : sql`unit_id = ${unitId} and status <> 'received'`;
    return this.db.get<{ today: number; open: number; overdue: number; resolved: number; onTime: number }>(sql`
      select
        (select count(*) from reports where ${scope} and created_at >= ${since}) as today,
        (select count(*) from reports where ${scope} and status in ${[...OPEN_STATUSES]}) as open,
        (select count(*) from reports where ${scope} and status in ${[...OPEN_STATUSES]} and due_at < ${now}) as overdue,
        (select count(*) from reports where ${scope} and resolved_at >= ${resolvedSince}) as resolved,
        (select count(*) from reports where ${scope} and resolved_at >= ${resolvedSince} and resolved_at <= due_at) as onTime`)!;
  }
}

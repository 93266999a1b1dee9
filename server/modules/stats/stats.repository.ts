import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Limits the figures to one unit's reports (a unit's leader), or none. */
export interface StatsScope {
  unitId?: number;
}

const unitFilter = (scope: StatsScope, column = sql.raw('unit_id')): SQL =>
  scope.unitId === undefined ? sql`1 = 1` : sql`${column} = ${scope.unitId}`;

/** Aggregations behind the leaders' page. */
export class StatsRepository {
  constructor(private readonly db: Db) {}

  /** Reports received per local day and category; `offsetMs` shifts UTC to the city's local time. */
  perDay(from: number, to: number, offsetMs: number, scope: StatsScope = {}) {
    return this.db.all<{ date: string; categoryCode: string; count: number }>(sql`
      select date((created_at + ${offsetMs}) / 1000, 'unixepoch') as date, category_code as categoryCode, count(*) as count
      from reports where created_at >= ${from} and created_at < ${to} and ${unitFilter(scope)}
      group by date, category_code order by date, category_code`);
  }

  /** Current status of the reports received in the range. */
  statusCounts(from: number, to: number, scope: StatsScope = {}) {
    return this.db.all<{ status: string; count: number }>(sql`
      select status, count(*) as count from reports
      where created_at >= ${from} and created_at < ${to} and ${unitFilter(scope)} group by status`);
  }

  /** Per unit: received in the range, resolved in the range, of which before their deadline. */
  byUnit(from: number, to: number, scope: StatsScope = {}) {
    return this.db.all<{ unitId: number; unitName: string; received: number; resolved: number; onTime: number }>(sql`
      select u.id as unitId, u.name_vi as unitName,
        sum(case when r.created_at >= ${from} and r.created_at < ${to} then 1 else 0 end) as received,
        sum(case when r.resolved_at >= ${from} and r.resolved_at < ${to} then 1 else 0 end) as resolved,
        sum(case when r.resolved_at >= ${from} and r.resolved_at < ${to} and r.resolved_at <= r.due_at then 1 else 0 end) as onTime
      from reports r join units u on u.id = r.unit_id
      where ((r.created_at >= ${from} and r.created_at < ${to}) or (r.resolved_at >= ${from} and r.resolved_at < ${to}))
        and ${unitFilter(scope, sql.raw('r.unit_id'))}
      group by u.id order by received desc`);
  }

  /** Minutes from receipt to resolution of the reports resolved in the range, shortest first. */
  resolveMinutes(from: number, to: number, scope: StatsScope = {}): number[] {
    return this.db
      .all<{ m: number }>(
        sql`select (resolved_at - created_at) / 60000.0 as m from reports
          where resolved_at >= ${from} and resolved_at < ${to} and ${unitFilter(scope)} order by m`,
      )
      .map((r) => r.m);
  }

  /** Open reports past their deadline at `now`. */
  overdueOpen(now: number, scope: StatsScope = {}): number {
    return (
      this.db.get<{ n: number }>(sql`
        select count(*) as n from reports
        where status in ('assigned', 'in_progress', 'reopened', 'received') and due_at < ${now} and ${unitFilter(scope)}`)
        ?.n ?? 0
    );
  }
}

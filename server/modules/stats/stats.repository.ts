import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** Aggregations behind the leaders' page. */
export class StatsRepository {
  constructor(private readonly db: Db) {}

  /** Reports received per local day and category; `offsetMs` shifts UTC to the city's local time. */
  perDay(from: number, to: number, offsetMs: number) {
    return this.db.all<{ date: string; categoryCode: string; count: number }>(sql`
      select date((created_at + ${offsetMs}) / 1000, 'unixepoch') as date, category_code as categoryCode, count(*) as count
      from reports where created_at >= ${from} and created_at < ${to}
      group by date, category_code order by date, category_code`);
  }

  /** Current status of the reports received in the range. */
  statusCounts(from: number, to: number) {
    return this.db.all<{ status: string; count: number }>(sql`
      select status, count(*) as count from reports where created_at >= ${from} and created_at < ${to} group by status`);
  }

  /** Per unit: received in the range, resolved in the range, of which before their deadline. */
  byUnit(from: number, to: number) {
    return this.db.all<{ unitId: number; unitName: string; received: number; resolved: number; onTime: number }>(sql`
      select u.id as unitId, u.name_vi as unitName,
        sum(case when r.created_at >= ${from} and r.created_at < ${to} then 1 else 0 end) as received,
        sum(case when r.resolved_at >= ${from} and r.resolved_at < ${to} then 1 else 0 end) as resolved,
        sum(case when r.resolved_at >= ${from} and r.resolved_at < ${to} and r.resolved_at <= r.due_at then 1 else 0 end) as onTime
      from reports r join units u on u.id = r.unit_id
      where (r.created_at >= ${from} and r.created_at < ${to}) or (r.resolved_at >= ${from} and r.resolved_at < ${to})
      group by u.id order by received desc`);
  }
}

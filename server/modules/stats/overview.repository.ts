import { sql, type SQL } from 'drizzle-orm';
import type { StatsBucket } from '../../../shared/schemas/stats';
import type { Db } from '../../db/client';
import { openAtCte, statsWhere } from './drilldown.repository';

/** Filters every overview figure applies (all optional; a unit's leader always has `unitId`). */
export interface OverviewFilters {
  unitId?: number;
  areaCode?: string;
  categoryCode?: string;
  channel?: string;
}

/** What a breakdown groups by; `none` gives the one headline row. */
export type Dimension = 'none' | 'unit' | 'area' | 'category' | 'channel';

/** Counts of one group over one period (see the definitions on `counts`). */
export interface CountsRow {
  key: string | null;
  name: string | null;
  received: number;
  rejected: number;
  duplicates: number;
  resolved: number;
  onTime: number;
  ratings: number;
  satisfied: number;
  ratingSum: number;
}

/** A group's counts before anything is counted. */
export const emptyCounts = (key: string | null, name: string | null): CountsRow => ({
  key,
  name,
  received: 0,
  rejected: 0,
  duplicates: 0,
  resolved: 0,
  onTime: 0,
  ratings: 0,
  satisfied: 0,
  ratingSum: 0,
});

/** Nearest-rank median and 90th percentile of minutes from receipt to resolution, per group. */
export interface ResolveTimesRow {
  key: string | null;
  n: number;
  p50: number | null;
  p90: number | null;
}

/** Reports open at an instant and their ages then (ms). */
export interface BacklogRow {
  open: number;
  p50: number | null;
  p90: number | null;
  oldest: number | null;
  under1d: number;
  d1to3: number;
  d3to7: number;
  over7d: number;
}

const DAY = 86_400_000;

const GROUP: Record<Dimension, { key: SQL; name: SQL }> = {
  none: { key: sql`null`, name: sql`null` },
  unit: { key: sql`cast(r.unit_id as text)`, name: sql`null` },
  area: { key: sql`r.area_code`, name: sql`r.area_name` },
  category: { key: sql`r.category_code`, name: sql`null` },
  channel: { key: sql`r.channel`, name: sql`null` },
};

/** The SQL for the first local day of an instant's bucket (weeks start on Monday), as YYYY-MM-DD. */
function bucketOf(column: SQL, bucket: StatsBucket, offsetMs: number): SQL {
  const local = sql`(${column} + ${offsetMs}) / 1000`;
  if (bucket === 'day') return sql`date(${local}, 'unixepoch')`;
  // 'weekday 0' moves forward to the Sunday ending the week (or stays on it); six days back is Monday.
  if (bucket === 'week') return sql`date(${local}, 'unixepoch', 'weekday 0', '-6 days')`;
  return sql`date(${local}, 'unixepoch', 'start of month')`;
}

/**
 * The leaders' overview as plain aggregate SQL: one statement per figure group, each reading only the
 * rows of the period through an index (reports by created_at, resolved_at or rated_at; events by
 * created_at). It takes a drizzle db so a worker thread can run it later on a read-only connection.
 */
export class OverviewRepository {
  constructor(private readonly db: Db) {}

  /**
   * Per group, over [from, to):
   * - received: reports created in the period, except those merged as duplicates (counted in their original);
   * - rejected / duplicates: of the reports created in the period, those now rejected / merged;
   * - resolved: reports whose standing resolution (`resolved_at`: set by the last resolve, cleared by a
   *   reopening) is in the period; onTime: of those, resolved at or before their current `due_at`;
   * - ratings / satisfied / ratingSum: ratings given in the period, those of 4 or 5, and their sum.
   */
  counts(from: number, to: number, f: OverviewFilters, dim: Dimension = 'none'): CountsRow[] {
    const { key, name } = GROUP[dim];
    const w = statsWhere(f);
    return this.db.all<CountsRow>(sql`
      select g as key, max(nm) as name, sum(rec) as received, sum(rej) as rejected, sum(dup) as duplicates,
        sum(res) as resolved, sum(ot) as onTime, sum(rt) as ratings, sum(sat) as satisfied, sum(score) as ratingSum
      from (
        select ${key} as g, ${name} as nm,
          case when r.status = 'duplicate' then 0 else 1 end as rec,
          case when r.status = 'rejected' then 1 else 0 end as rej,
          case when r.status = 'duplicate' then 1 else 0 end as dup,
          0 as res, 0 as ot, 0 as rt, 0 as sat, 0 as score
        from reports r where r.created_at >= ${from} and r.created_at < ${to} and ${w}
        union all
        select ${key}, ${name}, 0, 0, 0, 1, case when r.resolved_at <= r.due_at then 1 else 0 end, 0, 0, 0
        from reports r where r.resolved_at >= ${from} and r.resolved_at < ${to} and ${w}
        union all
        select ${key}, ${name}, 0, 0, 0, 0, 0, 1, case when r.rating >= 4 then 1 else 0 end, r.rating
        from reports r where r.rated_at >= ${from} and r.rated_at < ${to} and ${w}
      ) as x
      group by g order by received desc, resolved desc, g`);
  }

  /**
   * Per group, the nearest-rank median and 90th percentile of (resolved_at - created_at) in minutes over
   * the reports resolved in [from, to): one sort, ranks ceil(n/2) = (n+1) div 2 and ceil(0.9n) = (9n+9) div 10.
   */
  resolveTimes(from: number, to: number, f: OverviewFilters, dim: Dimension = 'none'): ResolveTimesRow[] {
    const { key } = GROUP[dim];
    return this.db.all<ResolveTimesRow>(sql`
      select g as key, max(n) as n,
        max(case when rn = (n + 1) / 2 then d end) / 60000.0 as p50,
        max(case when rn = (9 * n + 9) / 10 then d end) / 60000.0 as p90
      from (
        select ${key} as g, r.resolved_at - r.created_at as d,
          row_number() over (partition by ${key} order by r.resolved_at - r.created_at) as rn,
          count(*) over (partition by ${key}) as n
        from reports r where r.resolved_at >= ${from} and r.resolved_at < ${to} and ${statsWhere(f)}
      ) as x
      group by g`);
  }

  /** Per bucket (local first day), reports received and resolved (and resolved on time) in [from, to). */
  trend(from: number, to: number, f: OverviewFilters, bucket: StatsBucket, offsetMs: number) {
    const w = statsWhere(f);
    return this.db.all<{ start: string; received: number; resolved: number; resolvedOnTime: number }>(sql`
      select b as start, sum(rec) as received, sum(res) as resolved, sum(ot) as resolvedOnTime
      from (
        select ${bucketOf(sql`r.created_at`, bucket, offsetMs)} as b,
          case when r.status = 'duplicate' then 0 else 1 end as rec, 0 as res, 0 as ot
        from reports r where r.created_at >= ${from} and r.created_at < ${to} and ${w}
        union all
        select ${bucketOf(sql`r.resolved_at`, bucket, offsetMs)}, 0, 1,
          case when r.resolved_at <= r.due_at then 1 else 0 end
        from reports r where r.resolved_at >= ${from} and r.resolved_at < ${to} and ${w}
      ) as x
      group by b order by b`);
  }

  /**
   * Reports open at instant `at` (status received, assigned, in_progress or reopened then), with their
   * ages at `at`. Rebuilt from the events after `at` rather than from the whole history: a report's
   * openness at `at` is the openness before its first open/closed change at or after `at` (a resolve,
   * reject or merge closes; a reopening opens), or, with no such change, its openness now. So the cost
   * is the reports open now plus the events since `at` (nothing extra when `at` is now). Filters use
   * the report's current unit, area, category and channel.
   */
  backlog(at: number, f: OverviewFilters): BacklogRow {
    const w = statsWhere(f);
    return this.db.get<BacklogRow>(sql`
      ${openAtCte(at, w)},
      ranked as (
        select ${at} - created_at as age,
          row_number() over (order by created_at desc) as rn,
          count(*) over () as n
        from open_at
      )
      select count(*) as open,
        max(case when rn = (n + 1) / 2 then age end) as p50,
        max(case when rn = (9 * n + 9) / 10 then age end) as p90,
        max(age) as oldest,
        coalesce(sum(case when age < ${DAY} then 1 else 0 end), 0) as under1d,
        coalesce(sum(case when age >= ${DAY} and age < ${3 * DAY} then 1 else 0 end), 0) as d1to3,
        coalesce(sum(case when age >= ${3 * DAY} and age < ${7 * DAY} then 1 else 0 end), 0) as d3to7,
        coalesce(sum(case when age >= ${7 * DAY} then 1 else 0 end), 0) as over7d
      from ranked`)!;
  }

  /** Unit names by id (for breakdowns and the ranking). */
  unitNames(): Map<number, string> {
    const rows = this.db.all<{ id: number; name: string }>(sql`select id, name_vi as name from units`);
    return new Map(rows.map((u) => [u.id, u.name]));
  }
}

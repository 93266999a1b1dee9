import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { StatsFigure } from '../../../shared/schemas/stats';
import type { Db } from '../../db/client';
import { GEOREPORT_COLUMNS_SQL, GEOREPORT_JOINS } from '../../db/georeport-sql';
import type { GeoReportSource } from '../../domain/georeport';
import type { GridCount } from '../../domain/heatmap';
import { HEAT_STEPS_PER_DEG } from '../../domain/heatmap';

/** A box on the map, in degrees: min inclusive, max exclusive (so heat-map cells never share a report). */
export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** The filters of every statistics read (all optional; a unit's leader always has `unitId`). */
export interface StatsFilters {
  unitId?: number;
  areaCode?: string;
  categoryCode?: string;
  channel?: string;
  /** Drill-down only: reports whose point is in the box (reports without a point never are). */
  bbox?: Bbox;
}

/** One report of a drill-down list, as stored (times in epoch ms). */
export interface DrilldownRow {
  trackingCode: string;
  categoryCode: string;
  status: string;
  priority: string;
  channel: string;
  areaCode: string | null;
  areaName: string | null;
  unitId: number | null;
  unitName: string | null;
  createdAt: number;
  dueAt: number;
  resolvedAt: number | null;
  rating: number | null;
}

/** One report of the export, as stored, with its latest public note and first public photo. */
export type ExportRow = Omit<GeoReportSource, 'status'> & { id: number; status: string };

const OPEN = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The filters as a condition on `reports r` (the same as the overview's). `indexed: false` writes
 * them as `+r.col` so SQLite will not pick their indexes: the export wants the created_at index and
 * its order, whatever else narrows the rows.
 */
export function statsWhere(f: StatsFilters, indexed = true): SQL {
  const col = (name: string) => sql.raw(indexed ? `r.${name}` : `+r.${name}`);
  const parts: SQL[] = [sql`1 = 1`];
  if (f.unitId !== undefined) parts.push(sql`${col('unit_id')} = ${f.unitId}`);
  if (f.areaCode !== undefined) parts.push(sql`${col('area_code')} = ${f.areaCode}`);
  if (f.categoryCode !== undefined) parts.push(sql`${col('category_code')} = ${f.categoryCode}`);
  if (f.channel !== undefined) parts.push(sql`${col('channel')} = ${f.channel}`);
  if (f.bbox !== undefined) {
    const b = f.bbox;
    parts.push(sql`r.lat >= ${b.minLat} and r.lat < ${b.maxLat} and r.lng >= ${b.minLng} and r.lng < ${b.maxLng}`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * `with ... open_at(id, created_at)`: the reports open at instant `at` that match `w`, rebuilt exactly
 * as `OverviewRepository.backlog` does (the two must agree; the overview may import this builder): a
 * report's openness at `at` is the openness before its first open/closed change at or after `at` (a
 * resolve, reject or merge closes; a reopening opens), or, with no such change, its openness now. Only
 * reports received before `at` count. Filters read the report's current unit, area, category, channel.
 */
export function openAtCte(at: number, w: SQL): SQL {
  const isOpen = (col: SQL) => sql`case when ${col} in (${OPEN}) then 1 else 0 end`;
  return sql`
    with changes as (
      select e.report_id, e.from_status,
        row_number() over (partition by e.report_id order by e.created_at, e.id) as k
      from report_events e
      where e.created_at >= ${at} and e.from_status is not null
        and ${isOpen(sql`e.from_status`)} <> ${isOpen(sql`e.to_status`)}
    ),
    firsts as (select report_id, from_status from changes where k = 1),
    open_at as (
      select r.id, r.created_at from reports r
      where r.status in (${OPEN}) and r.created_at < ${at} and ${w}
        and not exists (select 1 from firsts c where c.report_id = r.id)
      union all
      select r.id, r.created_at from firsts c join reports r on r.id = c.report_id
      where c.from_status in (${OPEN}) and r.created_at < ${at} and ${w}
    )`;
}

/** The rows behind a figure: an optional `with` clause, a condition on `reports r`, and the figure's own time. */
interface FigureSql {
  with: SQL;
  where: SQL;
  time: SQL;
}

/**
 * Which reports make up each figure over [from, to), with the overview's definitions (see
 * `OverviewRepository.counts` and `backlog`): received = created in the period and not merged as a
 * duplicate; rejected / duplicates = created in the period and now rejected / merged; resolved = the
 * standing resolution (`resolved_at`) in the period, onTime / late = at or before / after `due_at`;
 * backlog = open at `to`; rated = rated in the period, unsatisfied = of those, rated 1 to 3.
 */
function figureSql(figure: StatsFigure, from: number, to: number, w: SQL): FigureSql {
  const none = sql``;
  const created = sql`r.created_at >= ${from} and r.created_at < ${to} and ${w}`;
  const resolved = sql`r.resolved_at >= ${from} and r.resolved_at < ${to} and ${w}`;
  const rated = sql`r.rated_at >= ${from} and r.rated_at < ${to} and ${w}`;
  const byCreated = (where: SQL): FigureSql => ({ with: none, where, time: sql`r.created_at` });
  const byResolved = (where: SQL): FigureSql => ({ with: none, where, time: sql`r.resolved_at` });
  const byRated = (where: SQL): FigureSql => ({ with: none, where, time: sql`r.rated_at` });
  switch (figure) {
    case 'received':
      return byCreated(sql`${created} and r.status <> 'duplicate'`);
    case 'rejected':
      return byCreated(sql`${created} and r.status = 'rejected'`);
    case 'duplicates':
      return byCreated(sql`${created} and r.status = 'duplicate'`);
    case 'resolved':
      return byResolved(resolved);
    case 'onTime':
      return byResolved(sql`${resolved} and r.resolved_at <= r.due_at`);
    case 'late':
      return byResolved(sql`${resolved} and r.resolved_at > r.due_at`);
    case 'backlog':
      return { with: openAtCte(to, w), where: sql`r.id in (select id from open_at)`, time: sql`r.created_at` };
    case 'rated':
      return byRated(rated);
    case 'unsatisfied':
      return byRated(sql`${rated} and r.rating <= 3`);
  }
}

/** What a drill-down row shows (no reporter, no description). */
const DRILL_COLUMNS = sql`r.tracking_code as trackingCode, r.category_code as categoryCode, r.status, r.priority,
  r.channel, r.area_code as areaCode, r.area_name as areaName, r.unit_id as unitId, u.name_vi as unitName,
  r.created_at as createdAt, r.due_at as dueAt, r.resolved_at as resolvedAt, r.rating`;

/** The reports behind the leaders' figures: drill-down lists, the heat map and the export. */
export class DrilldownRepository {
  constructor(private readonly db: Db) {}

  /** How many reports make up a figure (equal to the overview's value for the same period and filters). */
  count(figure: StatsFigure, from: number, to: number, f: StatsFilters): number {
    const q = figureSql(figure, from, to, statsWhere(f));
    return this.db.get<{ n: number }>(sql`${q.with} select count(*) as n from reports r where ${q.where}`)!.n;
  }

  /** The drill-down rows of these reports, in the order given. */
  rowsByIds(ids: readonly number[]): DrilldownRow[] {
    if (!ids.length) return [];
    const rows = this.db.all<DrilldownRow & { id: number }>(sql`
      select r.id, ${DRILL_COLUMNS}
      from reports r left join units u on u.id = r.unit_id
      where r.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`);
    const byId = new Map(rows.map(({ id, ...row }) => [id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A page of a figure's reports, newest first by the figure's own time, ties by id (newest first). */
  page(figure: StatsFigure, from: number, to: number, f: StatsFilters, limit: number, offset: number): DrilldownRow[] {
    const q = figureSql(figure, from, to, statsWhere(f));
    return this.db.all<DrilldownRow>(sql`${q.with}
      select ${DRILL_COLUMNS}
      from reports r left join units u on u.id = r.unit_id
      where ${q.where}
      order by ${q.time} desc, r.id desc
      limit ${limit} offset ${offset}`);
  }

  /**
   * Reports received in [from, to) (the overview's `received`) counted per cell of the finest heat-map
   * grid (`y` = floor(lat * 200), `x` = floor(lng * 200)), and how many have no point yet.
   */
  heatmap(from: number, to: number, f: StatsFilters): { cells: GridCount[]; unlocated: number } {
    const steps = HEAT_STEPS_PER_DEG;
    const rows = this.db.all<{ y: number | null; x: number | null; n: number }>(sql`
      select cast(floor(r.lat * ${steps}) as integer) as y, cast(floor(r.lng * ${steps}) as integer) as x,
        count(*) as n
      from reports r
      where r.created_at >= ${from} and r.created_at < ${to} and r.status <> 'duplicate' and ${statsWhere(f)}
      group by y, x`);
    let unlocated = 0;
    const cells: GridCount[] = [];
    for (const r of rows) {
      if (r.y === null || r.x === null) unlocated += r.n;
      else cells.push({ y: r.y, x: r.x, n: r.n });
    }
    return { cells, unlocated };
  }

  /**
   * Up to `limit` reports created in [from, to) after the report `afterId` (0: from the start), in
   * (created_at, id) order: keyset paging on the created_at index, so each page costs its own rows
   * whatever its depth, and a million-row export never holds more than a page. Each row carries its
   * latest public note and its first photo (none for a rejected report, whose photos are not public).
   */
  exportPage(from: number, to: number, f: StatsFilters, afterId: number, limit: number): ExportRow[] {
    const after =
      afterId > 0
        ? this.db.get<{ createdAt: number }>(sql`select created_at as createdAt from reports where id = ${afterId}`)
        : undefined;
    // The cursor: the last row sent (its time and id), or the period's start.
    const cursor = after && after.createdAt >= from ? { at: after.createdAt, id: afterId } : { at: from, id: 0 };
    return this.db.all<ExportRow>(sql`
      select ${GEOREPORT_COLUMNS_SQL}
      from reports r
        ${GEOREPORT_JOINS}
      where r.created_at >= ${cursor.at} and r.created_at < ${to}
        and (r.created_at > ${cursor.at} or r.id > ${cursor.id}) and ${statsWhere(f, false)}
      order by r.created_at, r.id
      limit ${limit}`);
  }
}

import { sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { Db } from '../../db/client';
import { GEOREPORT_COLUMNS_SQL, GEOREPORT_JOINS } from '../../db/georeport-sql';
import type { GeoReportSource } from '../../domain/georeport';

/** The filters of `GET requests` after checking (times in epoch ms, inclusive bounds). */
export interface RequestFilters {
  /** Tracking codes: when given, the other filters are ignored (the specification's rule). */
  ids?: string[];
  serviceCodes?: string[];
  status?: 'open' | 'closed';
  createdFrom?: number;
  createdTo?: number;
  updatedAfter?: number;
  updatedBefore?: number;
  /** Within `radiusM` metres of a point (equirectangular distance: exact enough below ~50 km). */
  near?: { lat: number; lng: number; radiusM: number };
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  limit: number;
  offset: number;
}

/**
 * One report as Open311 reads it: the GeoReport fields (no reporter column is ever selected) and what
 * the extensions add.
 */
export type Open311Row = GeoReportSource & {
  id: number;
  areaCode: string | null;
  areaName: string | null;
  reporterCount: number;
  /** The tracking code of the report this one was merged into. */
  duplicateOf: string | null;
};

/** One public entry of a report's history (for `extensions=true`). */
export interface Open311Note {
  reportId: number;
  type: string;
  toStatus: string | null;
  note: string | null;
  createdAt: number;
}

const OPEN = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const M_PER_DEG = 111_320;

/** The reads of the Open311 API (public data only). */
export class Open311Repository {
  constructor(private readonly db: Db) {}

  /**
   * Reports matching the filters, newest first. `status_notes` is the latest note staff made public
   * (a reply, a rejection reason), never a resident's own comment. Location filters never match a
   * sensitive category, whose point is not public.
   */
  requests(f: RequestFilters): Open311Row[] {
    const where: SQL[] = [sql`1 = 1`];
    if (f.ids) {
      where.push(
        sql`r.tracking_code in (${sql.join(
          f.ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    } else {
      if (f.serviceCodes)
        where.push(
          sql`r.category_code in (${sql.join(
            f.serviceCodes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
        );
      if (f.status === 'open') where.push(sql`r.status in (${OPEN})`);
      if (f.status === 'closed') where.push(sql`r.status not in (${OPEN})`);
      if (f.createdFrom !== undefined) where.push(sql`r.created_at >= ${f.createdFrom}`);
      if (f.createdTo !== undefined) where.push(sql`r.created_at <= ${f.createdTo}`);
      if (f.updatedAfter !== undefined) where.push(sql`r.updated_at >= ${f.updatedAfter}`);
      if (f.updatedBefore !== undefined) where.push(sql`r.updated_at <= ${f.updatedBefore}`);
      if (f.near || f.bbox) where.push(sql`r.lat is not null and coalesce(c.public_location, '') <> 'hidden'`);
      if (f.near) {
        const { lat, lng, radiusM } = f.near;
        const dLat = radiusM / M_PER_DEG;
        const kx = Math.cos((lat * Math.PI) / 180);
        const dLng = dLat / Math.max(kx, 1e-6);
        where.push(
          sql`r.lat between ${lat - dLat} and ${lat + dLat} and r.lng between ${lng - dLng} and ${lng + dLng}`,
        );
        where.push(
          sql`((r.lat - ${lat}) * ${M_PER_DEG}) * ((r.lat - ${lat}) * ${M_PER_DEG})
            + ((r.lng - ${lng}) * ${M_PER_DEG * kx}) * ((r.lng - ${lng}) * ${M_PER_DEG * kx}) <= ${radiusM * radiusM}`,
        );
      }
      if (f.bbox) {
        const b = f.bbox;
        where.push(sql`r.lat between ${b.minLat} and ${b.maxLat} and r.lng between ${b.minLng} and ${b.maxLng}`);
      }
    }
    return this.db.all<Open311Row>(sql`
      select ${GEOREPORT_COLUMNS_SQL},
        r.area_code as areaCode, r.area_name as areaName, r.reporter_count as reporterCount,
        d.tracking_code as duplicateOf
      from reports r
        ${GEOREPORT_JOINS}
        left join reports d on d.id = r.duplicate_of_id
      where ${sql.join(where, sql` and `)}
      order by r.created_at desc, r.id desc
      limit ${f.limit} offset ${f.offset}`);
  }

  /** The public history of these reports, oldest first (no internal note, no actor). */
  notesOf(reportIds: number[]): Open311Note[] {
    if (reportIds.length === 0) return [];
    return this.db.all<Open311Note>(sql`
      select e.report_id as reportId, e.type, e.to_status as toStatus,
        nullif(e.public_note, '') as note, e.created_at as createdAt
      from report_events e
      where e.report_id in (${sql.join(
        reportIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      order by e.report_id, e.id`);
  }

  /** The tracking codes of the reports merged into each of these, by report id. */
  duplicatesOf(reportIds: number[]): Map<number, string[]> {
    const out = new Map<number, string[]>();
    if (reportIds.length === 0) return out;
    const rows = this.db.all<{ of: number; code: string }>(sql`
      select duplicate_of_id as "of", tracking_code as code from reports
      where duplicate_of_id in (${sql.join(
        reportIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      order by id`);
    for (const r of rows) out.set(r.of, [...(out.get(r.of) ?? []), r.code]);
    return out;
  }
}

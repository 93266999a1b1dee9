import { and, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reports } from '../../db/schema';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';

/** A report as the public map needs it: no text, no person. */
export interface MapPoint {
  trackingCode: string;
  status: string;
  categoryCode: string;
  lat: number;
  lng: number;
}

/** Points for the public map. */
export class PublicMapRepository {
  constructor(private readonly db: Db) {}

  /** Placed reports that are open, and/or resolved or closed since `resolvedSince`. */
  points(opts: { open: boolean; resolvedSince: number | null }): MapPoint[] {
    const which = [
      ...(opts.open ? [inArray(reports.status, [...OPEN_STATUSES])] : []),
      ...(opts.resolvedSince !== null
        ? [and(inArray(reports.status, ['resolved', 'closed']), gte(reports.resolvedAt, opts.resolvedSince))!]
        : []),
    ];
    return this.db
      .select({
        trackingCode: reports.trackingCode,
        status: reports.status,
        categoryCode: reports.categoryCode,
        lat: sql<number>`${reports.lat}`,
        lng: sql<number>`${reports.lng}`,
      })
      .from(reports)
      .where(and(isNotNull(reports.lat), or(...which)))
      .all();
  }
}

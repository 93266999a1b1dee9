import { and, eq, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { categories, reports } from '../../db/schema';
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
    return (
      this.db
        .select({
          trackingCode: reports.trackingCode,
          status: reports.status,
          categoryCode: reports.categoryCode,
          lat: sql<number>`${reports.lat}`,
          lng: sql<number>`${reports.lng}`,
        })
        .from(reports)
        // Sensitive categories (public location `hidden`) never appear on the public map.
        .innerJoin(categories, and(eq(categories.code, reports.categoryCode), ne(categories.publicLocation, 'hidden')))
        .where(and(isNotNull(reports.lat), or(...which)))
        .all()
    );
  }
}

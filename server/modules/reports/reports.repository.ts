import { and, asc, between, desc, eq, gt, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { GroupCommit } from '../../db/group-commit';
import { preparedInsert } from '../../db/prepared-insert';
import { preparedVersionedUpdate } from '../../db/prepared-update';
import { idempotencyKeys, photos, reportEvents, reportFollowers, reports, users } from '../../db/schema';

/** Row types of the report tables. */
export type ReportRow = typeof reports.$inferSelect;
export type NewReportRow = typeof reports.$inferInsert;
export type EventRow = typeof reportEvents.$inferSelect;
export type NewEventRow = typeof reportEvents.$inferInsert;
export type PhotoRow = typeof photos.$inferSelect;

/** Filters of a report list; `unitId` scopes to one unit, `excludeStatuses` hides some. */
export interface ReportFilter {
  statuses?: string[];
  excludeStatuses?: string[];
  unitId?: number;
  categoryCode?: string;
  limit: number;
}

/** The only place with report queries. Hot-path statements are prepared once. */
export class ReportsRepository {
  private readonly byId;
  private readonly byCode;
  private readonly codeExists;
  private readonly eventsOfReport;
  private readonly idempotency;
  private readonly maxEventId;
  private readonly photosOfReport;
  private readonly insertReportRow;
  private readonly insertEventRow;
  private readonly insertIdempotencyRow;
  private readonly insertPhotoRow;
  private readonly updateVersioned;

  private readonly grouped: GroupCommit;

  constructor(private readonly db: Db) {
    this.grouped = new GroupCommit(db);
    this.insertReportRow = preparedInsert(db, reports);
    this.insertEventRow = preparedInsert(db, reportEvents);
    this.insertIdempotencyRow = preparedInsert(db, idempotencyKeys);
    this.insertPhotoRow = preparedInsert(db, photos);
    this.updateVersioned = preparedVersionedUpdate(db, reports);
    this.byId = db
      .select()
      .from(reports)
      .where(eq(reports.id, sql.placeholder('id')))
      .prepare();
    this.byCode = db
      .select()
      .from(reports)
      .where(eq(reports.trackingCode, sql.placeholder('code')))
      .prepare();
    this.codeExists = db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.trackingCode, sql.placeholder('code')))
      .prepare();
    this.eventsOfReport = db
      .select()
      .from(reportEvents)
      .where(eq(reportEvents.reportId, sql.placeholder('id')))
      .orderBy(asc(reportEvents.id))
      .prepare();
    this.idempotency = db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, sql.placeholder('key')))
      .prepare();
    this.photosOfReport = db
      .select()
      .from(photos)
      .where(eq(photos.reportId, sql.placeholder('id')))
      .orderBy(asc(photos.createdAt), asc(photos.id))
      .prepare();
    this.maxEventId = db
      .select({ id: sql<number>`coalesce(max(${reportEvents.id}), 0)` })
      .from(reportEvents)
      .prepare();
  }

  /** Runs `fn` in one synchronous transaction (better-sqlite3: never pass an async function). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(() => fn());
  }

  /** Runs `fn` in the next group commit (see GroupCommit); resolves once its transaction is durable. */
  groupedTransaction<T>(fn: () => T): Promise<T> {
    return this.grouped.run(fn);
  }

  findById(id: number): ReportRow | undefined {
    return this.byId.get({ id });
  }

  findByTrackingCode(code: string): ReportRow | undefined {
    return this.byCode.get({ code });
  }

  trackingCodeExists(code: string): boolean {
    return this.codeExists.get({ code }) !== undefined;
  }

  insertReport(row: NewReportRow): ReportRow {
    return this.insertReportRow(row);
  }

  /** Updates a report only if it still has `expectedVersion`; returns the new row or null on a conflict. */
  updateIfVersion(id: number, expectedVersion: number, patch: Partial<NewReportRow>): ReportRow | null {
    return this.updateVersioned(id, expectedVersion, patch) ?? null;
  }

  insertEvent(row: NewEventRow): EventRow {
    return this.insertEventRow(row);
  }

  eventsOf(reportId: number): EventRow[] {
    return this.eventsOfReport.all({ id: reportId });
  }

  /** Events after `afterId` in order, optionally only those a unit may see, at most `limit`. */
  eventsAfter(afterId: number, limit: number, scope: { unitId?: number; reportId?: number } = {}): EventRow[] {
    const conds: SQL[] = [gt(reportEvents.id, afterId)];
    if (scope.unitId !== undefined) {
      conds.push(or(eq(reportEvents.unitId, scope.unitId), eq(reportEvents.prevUnitId, scope.unitId))!);
    }
    if (scope.reportId !== undefined) conds.push(eq(reportEvents.reportId, scope.reportId));
    return this.db
      .select()
      .from(reportEvents)
      .where(and(...conds))
      .orderBy(asc(reportEvents.id))
      .limit(limit)
      .all();
  }

  lastEventId(): number {
    return this.maxEventId.get()?.id ?? 0;
  }

  list(filter: ReportFilter): ReportRow[] {
    const conds: SQL[] = [];
    if (filter.statuses?.length) conds.push(inArray(reports.status, filter.statuses));
    if (filter.excludeStatuses?.length) conds.push(sql`${reports.status} not in ${filter.excludeStatuses}`);
    if (filter.unitId !== undefined) conds.push(eq(reports.unitId, filter.unitId));
    if (filter.categoryCode) conds.push(eq(reports.categoryCode, filter.categoryCode));
    return this.db
      .select()
      .from(reports)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(filter.limit)
      .all();
  }

  findIdempotencyKey(key: string) {
    return this.idempotency.get({ key });
  }

  insertIdempotencyKey(
    key: string,
    requestHash: string,
    reportId: number,
    now: number,
    followerId: number | null = null,
  ): void {
    this.insertIdempotencyRow({ key, requestHash, reportId, followerId, createdAt: now });
  }

  insertPhoto(row: typeof photos.$inferInsert): void {
    this.insertPhotoRow(row);
  }

  photosOf(reportId: number): PhotoRow[] {
    return this.photosOfReport.all({ id: reportId });
  }

  findPhoto(id: string): PhotoRow | undefined {
    return this.db.select().from(photos).where(eq(photos.id, id)).get();
  }

  /** Followers of a duplicate become followers of its original. */
  moveFollowers(fromReportId: number, toReportId: number): void {
    this.db
      .update(reportFollowers)
      .set({ reportId: toReportId })
      .where(eq(reportFollowers.reportId, fromReportId))
      .run();
  }

  /** Photos of a duplicate join its original, shown with the merge event. */
  movePhotos(fromReportId: number, toReportId: number, eventId: number): void {
    this.db.update(photos).set({ reportId: toReportId, eventId }).where(eq(photos.reportId, fromReportId)).run();
  }

  /** Reports merged into this one (their filers may still act on it). */
  mergedInto(reportId: number): number[] {
    return this.db
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.duplicateOfId, reportId))
      .all()
      .map((r) => r.id);
  }

  insertFollower(reportId: number, now: number): number {
    return this.db
      .insert(reportFollowers)
      .values({ reportId, createdAt: now })
      .returning({ id: reportFollowers.id })
      .get().id;
  }

  followerIds(reportId: number): number[] {
    return this.db
      .select({ id: reportFollowers.id })
      .from(reportFollowers)
      .where(eq(reportFollowers.reportId, reportId))
      .all()
      .map((r) => r.id);
  }

  /** Open reports of a category created since `since`, with a point inside the box. */
  openInBox(
    categoryCode: string,
    since: number,
    box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
    statuses: readonly string[],
  ): ReportRow[] {
    return this.db
      .select()
      .from(reports)
      .where(
        and(
          eq(reports.categoryCode, categoryCode),
          inArray(reports.status, [...statuses]),
          gte(reports.createdAt, since),
          between(reports.lat, box.minLat, box.maxLat),
          between(reports.lng, box.minLng, box.maxLng),
        ),
      )
      .all();
  }

  /** Display names of the given users, for timelines. */
  userNames(ids: number[]): Map<number, string> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, ids))
      .all();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

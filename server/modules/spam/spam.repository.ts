import { and, desc, eq, getTableColumns, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blockedSenders, heldReports, reports, users } from '../../db/schema';

export type HeldRow = typeof heldReports.$inferSelect;
export type NewHeldRow = typeof heldReports.$inferInsert;
export type BlockRow = typeof blockedSenders.$inferSelect;
export type NewBlockRow = typeof blockedSenders.$inferInsert;

/** Held reports and blocked senders. */
export class SpamRepository {
  // Asked on every filing: prepared once (building and preparing a query costs more than running it).
  private readonly blockOf;
  private readonly byCode;
  private readonly byKey;

  constructor(private readonly db: Db) {
    this.blockOf = db
      .select()
      .from(blockedSenders)
      .where(
        and(
          eq(blockedSenders.kind, sql.placeholder('kind')),
          eq(blockedSenders.hash, sql.placeholder('hash')),
          isNull(blockedSenders.liftedAt),
          or(isNull(blockedSenders.expiresAt), gt(blockedSenders.expiresAt, sql.placeholder('now'))),
        ),
      )
      .prepare();
    this.byCode = db
      .select()
      .from(heldReports)
      .where(eq(heldReports.trackingCode, sql.placeholder('code')))
      .prepare();
    this.byKey = db
      .select()
      .from(heldReports)
      .where(eq(heldReports.idempotencyKey, sql.placeholder('key')))
      .prepare();
  }

  /** The block in force on this device or address hash, if any. */
  activeBlock(kind: 'device' | 'address', hash: string, now: number): BlockRow | undefined {
    return this.blockOf.get({ kind, hash, now });
  }

  insertHeld(row: NewHeldRow): HeldRow {
    return this.db.insert(heldReports).values(row).returning().get();
  }

  heldById(id: number): HeldRow | undefined {
    return this.db.select().from(heldReports).where(eq(heldReports.id, id)).get();
  }

  heldByCode(code: string): HeldRow | undefined {
    return this.byCode.get({ code });
  }

  heldByKey(key: string): HeldRow | undefined {
    return this.byKey.get({ key });
  }

  /** Held reports in one state, newest first. */
  listHeld(state: string, limit: number): HeldRow[] {
    return this.db
      .select()
      .from(heldReports)
      .where(eq(heldReports.state, state))
      .orderBy(desc(heldReports.createdAt), desc(heldReports.id))
      .limit(limit)
      .all();
  }

  countHeld(state: string): number {
    return this.db
      .select({ n: sql<number>`count(*)` })
      .from(heldReports)
      .where(eq(heldReports.state, state))
      .get()!.n;
  }

  /** Records an operator's decision, only if the report is still held; false when someone decided first. */
  decide(id: number, patch: Pick<HeldRow, 'state' | 'decidedAt' | 'decidedBy'> & { reportId?: number }): boolean {
    const done = this.db
      .update(heldReports)
      .set(patch)
      .where(and(eq(heldReports.id, id), eq(heldReports.state, 'held')))
      .run();
    return done.changes === 1;
  }

  /** True when a still-held report carries this photo (its sender may see it on the tracking page). */
  heldPhotoExists(photoId: string): boolean {
    return (
      this.db
        .select({ id: heldReports.id })
        .from(heldReports)
        .where(
          and(
            eq(heldReports.state, 'held'),
            sql`exists (select 1 from json_each(${heldReports.photos}) where json_extract(value, '$.id') = ${photoId})`,
          ),
        )
        .get() !== undefined
    );
  }

  /** How many other still-held reports came from this device or address. */
  heldFromSameSender(held: HeldRow): number {
    const same = [
      held.senderDevice ? eq(heldReports.senderDevice, held.senderDevice) : undefined,
      held.senderAddress ? eq(heldReports.senderAddress, held.senderAddress) : undefined,
    ].filter((c) => c !== undefined);
    if (same.length === 0) return 0;
    return this.db
      .select({ n: sql<number>`count(*)` })
      .from(heldReports)
      .where(and(eq(heldReports.state, 'held'), ne(heldReports.id, held.id), or(...same)))
      .get()!.n;
  }

  insertBlock(row: NewBlockRow): BlockRow {
    return this.db.insert(blockedSenders).values(row).returning().get();
  }

  /** Blocks in force, newest first, with who made them and the report they were made from. */
  activeBlocks(now: number): (BlockRow & { createdByName: string | null; trackingCode: string | null })[] {
    return this.db
      .select({
        ...getTableColumns(blockedSenders),
        createdByName: users.displayName,
        trackingCode: reports.trackingCode,
      })
      .from(blockedSenders)
      .leftJoin(users, eq(users.id, blockedSenders.createdBy))
      .leftJoin(reports, eq(reports.id, blockedSenders.reportId))
      .where(
        and(isNull(blockedSenders.liftedAt), or(isNull(blockedSenders.expiresAt), gt(blockedSenders.expiresAt, now))),
      )
      .orderBy(desc(blockedSenders.createdAt), desc(blockedSenders.id))
      .all();
  }

  liftBlock(id: number, now: number): boolean {
    return (
      this.db
        .update(blockedSenders)
        .set({ liftedAt: now })
        .where(and(eq(blockedSenders.id, id), isNull(blockedSenders.liftedAt)))
        .run().changes === 1
    );
  }
}

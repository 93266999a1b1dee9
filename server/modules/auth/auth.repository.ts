import { and, count, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, units, users } from '../../db/schema';

/** A user row joined with the name of their unit. */
export type UserRow = typeof users.$inferSelect & { unitName: string | null };
/** A live session's user, with what the session itself says. */
export type SessionRow = UserRow & { lastSeenAt: number; restricted: boolean };

/** Users and their server-side sessions. */
export class AuthRepository {
  private readonly bySession;
  private readonly byUsername;
  private readonly byId;

  constructor(private readonly db: Db) {
    const cols = {
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      role: users.role,
      unitId: users.unitId,
      disabled: users.disabled,
      createdAt: users.createdAt,
      totpSecret: users.totpSecret,
      totpPendingSecret: users.totpPendingSecret,
      totpLastStep: users.totpLastStep,
      totpEnrolledAt: users.totpEnrolledAt,
      unitName: units.nameVi,
    };
    this.bySession = db
      .select({ ...cols, lastSeenAt: sessions.lastSeenAt, restricted: sessions.restricted })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder('hash')),
          gt(sessions.expiresAt, sql.placeholder('now')),
          gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        ),
      )
      .prepare();
    this.byUsername = db
      .select(cols)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, sql.placeholder('username')))
      .prepare();
    this.byId = db
      .select(cols)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, sql.placeholder('id')))
      .prepare();
  }

  findByUsername(username: string): UserRow | undefined {
    return this.byUsername.get({ username });
  }

  findById(id: number): UserRow | undefined {
    return this.byId.get({ id });
  }

  /** The session's user, unless it expired (absolute) or has been idle since `idleSince`. */
  findBySession(tokenHash: string, now: number, idleSince: number): SessionRow | undefined {
    return this.bySession.get({ hash: tokenHash, now, idleSince });
  }

  /** Of these sessions, the ones still alive (not deleted, expired or idle since `idleSince`). */
  liveSessions(tokenHashes: string[], now: number, idleSince: number): string[] {
    const live: string[] = [];
    // In chunks: SQLite caps the number of bound parameters.
    for (let i = 0; i < tokenHashes.length; i += 500)
      for (const row of this.db
        .select({ tokenHash: sessions.tokenHash })
        .from(sessions)
        .where(
          and(
            inArray(sessions.tokenHash, tokenHashes.slice(i, i + 500)),
            gt(sessions.expiresAt, now),
            gt(sessions.lastSeenAt, idleSince),
          ),
        )
        .all())
        live.push(row.tokenHash);
    return live;
  }

  createSession(tokenHash: string, userId: number, now: number, expiresAt: number, restricted: boolean): void {
    this.db
      .insert(sessions)
      .values({ tokenHash, userId, createdAt: now, expiresAt, lastSeenAt: now, restricted })
      .run();
  }

  touchSession(tokenHash: string, now: number): void {
    this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run();
  }

  /** Deletes a session; says whether there was one. */
  deleteSession(tokenHash: string): boolean {
    return this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run().changes > 0;
  }

  deleteExpiredSessions(now: number, idleSince: number): void {
    this.db
      .delete(sessions)
      .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleSince)))
      .run();
  }

  /** How many admin accounts are enabled. */
  enabledAdmins(): number {
    return this.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .get()!.n;
  }

  /** The accounts with these usernames, with their password hashes. */
  byUsernames(usernames: string[]): { username: string; passwordHash: string }[] {
    if (usernames.length === 0) return [];
    return this.db
      .select({ username: users.username, passwordHash: users.passwordHash })
      .from(users)
      .where(inArray(users.username, usernames))
      .all();
  }

  setPendingTotp(userId: number, sealed: string): void {
    this.db.update(users).set({ totpPendingSecret: sealed }).where(eq(users.id, userId)).run();
  }

  /** Makes the pending secret the user's factor, with the step of the code that confirmed it. */
  activateTotp(userId: number, sealed: string, step: number, now: number): void {
    this.db
      .update(users)
      .set({ totpSecret: sealed, totpPendingSecret: null, totpLastStep: step, totpEnrolledAt: now })
      .where(eq(users.id, userId))
      .run();
  }

  /**
   * Records `step` as the last used one if it is later than the recorded one; false when another
   * request used this step (or a later one) first: the code is a replay.
   */
  useTotpStep(userId: number, step: number): boolean {
    return (
      this.db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .run().changes === 1
    );
  }
}

import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, units, users } from '../../db/schema';

/** A user row joined with the name of their unit. */
export type UserRow = typeof users.$inferSelect & { unitName: string | null };

/** Users and their server-side sessions. */
export class AuthRepository {
  private readonly bySession;
  private readonly byUsername;

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
      unitName: units.nameVi,
    };
    this.bySession = db
      .select(cols)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(units, eq(units.id, users.unitId))
      .where(and(eq(sessions.tokenHash, sql.placeholder('hash')), gt(sessions.expiresAt, sql.placeholder('now'))))
      .prepare();
    this.byUsername = db
      .select(cols)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, sql.placeholder('username')))
      .prepare();
  }

  findByUsername(username: string): UserRow | undefined {
    return this.byUsername.get({ username });
  }

  findBySession(tokenHash: string, now: number): UserRow | undefined {
    return this.bySession.get({ hash: tokenHash, now });
  }

  createSession(tokenHash: string, userId: number, now: number, expiresAt: number): void {
    this.db.insert(sessions).values({ tokenHash, userId, createdAt: now, expiresAt }).run();
  }

  deleteSession(tokenHash: string): void {
    this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
  }

  deleteExpiredSessions(now: number): void {
    this.db.delete(sessions).where(lte(sessions.expiresAt, now)).run();
  }
}

import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';

/** A staff account row (with its password hash: never leaves the service). */
export type UserRow = typeof users.$inferSelect;
/** The columns of an account. */
export type UserValues = Omit<typeof users.$inferInsert, 'id'>;

/** Queries over staff accounts and their sessions. */
export class UsersRepository {
  constructor(private readonly db: Db) {}

  all(): UserRow[] {
    return this.db.select().from(users).orderBy(asc(users.username)).all();
  }

  byId(id: number): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.id, id)).get();
  }

  byUsername(username: string): UserRow | undefined {
    return this.db.select().from(users).where(eq(users.username, username)).get();
  }

  insert(values: UserValues): UserRow {
    return this.db.insert(users).values(values).returning().get();
  }

  update(id: number, values: Partial<UserValues>): UserRow {
    if (Object.keys(values).length === 0) return this.byId(id)!;
    return this.db.update(users).set(values).where(eq(users.id, id)).returning().get()!;
  }

  /** Active admins other than this user. */
  otherActiveAdmins(userId: number): number {
    return this.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, userId)))
      .get()!.n;
  }

  /** Removes the user's second factor (and any enrolment under way). */
  clearTotp(id: number): void {
    this.db
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, totpEnrolledAt: null })
      .where(eq(users.id, id))
      .run();
  }

  /** Ends every session of the user at once; returns how many there were. */
  deleteSessions(userId: number): number {
    return this.db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
  }
}

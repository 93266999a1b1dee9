import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';

/** An API key row (with its hash: never leaves the service). */
export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Queries over the keys other systems present. */
export class ApiKeysRepository {
  private readonly byHashStmt;

  constructor(private readonly db: Db) {
    this.byHashStmt = db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.keyHash, sql.placeholder('hash')))
      .prepare();
  }

  all(): ApiKeyRow[] {
    return this.db.select().from(apiKeys).orderBy(desc(apiKeys.id)).all();
  }

  byId(id: number): ApiKeyRow | undefined {
    return this.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
  }

  /** The key with this SHA-256 (prepared once: other systems present a key on every request). */
  byHash(keyHash: string): ApiKeyRow | undefined {
    return this.byHashStmt.get({ hash: keyHash });
  }

  insert(values: Omit<typeof apiKeys.$inferInsert, 'id'>): ApiKeyRow {
    return this.db.insert(apiKeys).values(values).returning().get();
  }

  update(id: number, values: Partial<Pick<ApiKeyRow, 'revokedAt' | 'lastUsedAt'>>): ApiKeyRow {
    return this.db.update(apiKeys).set(values).where(eq(apiKeys.id, id)).returning().get()!;
  }
}

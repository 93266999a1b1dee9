import { and, eq, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** The row's key and optimistic-lock columns of a table updated by `preparedVersionedUpdate`. */
interface Versioned {
  id: SQLiteColumn;
  version: SQLiteColumn;
}

/**
 * `update … set <patch>, version = version + 1 where id = ? and version = ? returning *`, prepared once
 * per set of patched columns (a handful: one per kind of change) instead of built and prepared on every
 * call, which cost a filing more than the update itself. Undefined patch values are left out, as
 * drizzle's `set` does; the patch cannot set `id` or `version`.
 */
export function preparedVersionedUpdate<T extends SQLiteTable & Versioned>(db: Db, table: T) {
  type Patch = Partial<InferInsertModel<T>>;
  type Prepared = { get(values: Record<string, unknown>): InferSelectModel<T> | undefined };
  const statements = new Map<string, Prepared>();
  const statementFor = (keys: readonly string[]): Prepared => {
    const shape = keys.join(',');
    let statement = statements.get(shape);
    if (!statement) {
      const set = Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)]));
      statement = db
        .update(table)
        .set({ ...set, version: sql`${table.version} + 1` } as never)
        .where(and(eq(table.id, sql.placeholder('$id')), eq(table.version, sql.placeholder('$version'))))
        .returning()
        .prepare() as unknown as Prepared;
      statements.set(shape, statement);
    }
    return statement;
  };
  /** The updated row, or undefined when the row is missing or no longer has `expectedVersion`. */
  return (id: number, expectedVersion: number, patch: Patch): InferSelectModel<T> | undefined => {
    const values: Record<string, unknown> = { $id: id, $version: expectedVersion };
    const keys: string[] = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'id' || key === 'version') throw new Error(`${key} cannot be patched`);
      keys.push(key);
      values[key] = value;
    }
    return statementFor(keys.sort()).get(values);
  };
}

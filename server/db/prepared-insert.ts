import { getTableColumns, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/**
 * An insert prepared once (every column but the auto-increment id as a placeholder) that returns the
 * new row: building and preparing the statement per call cost a submission more than the insert itself.
 * Columns missing from a row take their schema default, or null.
 */
export function preparedInsert<T extends SQLiteTable>(db: Db, table: T) {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([, c]) => !(c.primary && c.columnType === 'SQLiteInteger'),
  );
  const statement = db
    .insert(table)
    .values(Object.fromEntries(columns.map(([key]) => [key, sql.placeholder(key)])) as never)
    .returning()
    .prepare();
  for (const [key, c] of columns)
    if (c.hasDefault && (c.default === null || typeof c.default === 'object'))
      throw new Error(`${key}: only plain default values can be filled into a prepared insert`);
  const defaults = Object.fromEntries(columns.map(([key, c]) => [key, c.hasDefault ? c.default : null]));
  // Drizzle encodes each placeholder with its column's mapping, as it would a literal value.
  return (row: InferInsertModel<T>): InferSelectModel<T> => {
    const values: Record<string, unknown> = { ...defaults };
    for (const [key, v] of Object.entries(row)) {
      if (v === undefined) continue;
      if (!(key in values)) throw new Error(`${key} cannot be set by this prepared insert`);
      values[key] = v;
    }
    return statement.get(values) as InferSelectModel<T>;
  };
}

import { getTableColumns, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';

/** Column types whose values SQLite stores and gives back as they are (no mode, no JSON). */
const PLAIN = new Set(['SQLiteInteger', 'SQLiteText', 'SQLiteReal']);

/**
 * An insert prepared once (every column but an integer primary key as a placeholder) that returns the
 * new row: building and preparing the statement per call cost a submission more than the insert itself.
 * Columns missing from a row take their schema default, or null. The row returned is the values bound
 * plus the new id, not read back (`returning *` doubled the cost of a report's insert): the defaults
 * are plain values and the tables' columns have no mapping, so it is the row a read would give.
 */
export function preparedInsert<T extends SQLiteTable>(db: Db, table: T) {
  const all = Object.entries(getTableColumns(table));
  // An integer primary key is SQLite's rowid: it is assigned, and read from the insert's result.
  const rowid = all.find(([, c]) => c.primary && c.columnType === 'SQLiteInteger')?.[0];
  const columns = all.filter(([name]) => name !== rowid);
  for (const [name, c] of all)
    if (!PLAIN.has(c.columnType)) throw new Error(`${name}: a ${c.columnType} column cannot be returned unread`);
  const statement = db
    .insert(table)
    .values(Object.fromEntries(columns.map(([name]) => [name, sql.placeholder(name)])) as never)
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
    const { lastInsertRowid } = statement.run(values);
    return (rowid ? { [rowid]: Number(lastInsertRowid), ...values } : values) as InferSelectModel<T>;
  };
}

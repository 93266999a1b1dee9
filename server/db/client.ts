import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

/** The drizzle database with the whole schema. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens SQLite with the pragmas every connection needs: WAL (readers never block the writer),
 * synchronous=FULL (a 201 means the report survives a power cut), foreign keys, a busy timeout.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly && file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2): inserting into a million-report database touches a dozen
  // index pages per report, and re-reading them from the OS doubled the time of a submission.
  sqlite.pragma('cache_size = -65536');
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies every migration in migrations/ not yet applied. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS });
}

/** Opens the configured database file, creating its folder and applying migrations as needed. */
export function openDataDirDatabase(config: { dataDir: string; dbPath: string }): Db {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(config.dbPath);
  migrateDatabase(db);
  return db;
}

/** An in-memory database with the schema applied (tests). */
export function openMemoryDatabase(): Db {
  const db = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}

/**
 * Runs `fn` in one synchronous transaction; called inside another, it becomes a savepoint of that one
 * (better-sqlite3's native transactions nest, drizzle's top-level `db.transaction` does not). Use it for
 * work that must be all-or-nothing and may be part of a bigger change (e.g. a configuration import).
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn)();
}

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

/** The database file is damaged or is not a database: the server must not start on it. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly findings: string[],
  ) {
    super(
      `The database ${file} is damaged: ${findings.slice(0, 5).join('; ')}${findings.length > 5 ? ` (and ${findings.length - 5} more)` : ''}. ` +
        'Nothing was changed. Restore the latest backup (npm run backup makes one) into DATA_DIR, or move the file away to start empty.',
    );
    this.name = 'DatabaseDamagedError';
  }
}

const DAMAGED = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_VTAB',
]);

/** Runs `fn`; SQLite's "corrupt" and "not a database" errors become a `DatabaseDamagedError`. */
function naming<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Database.SqliteError && DAMAGED.has(e.code)) throw new DatabaseDamagedError(file, [e.message]);
    throw e;
  }
}

/**
 * Opens the configured database file, creating its folder and applying migrations as needed. With
 * `check: 'quick'` it first reads every page (`PRAGMA quick_check`: structure, records, index order;
 * about 5 s per GB), so a damaged file stops the start with a clear error rather than failing later.
 */
export function openDataDirDatabase(config: { dataDir: string; dbPath: string; dbCheck?: 'quick' | 'off' }): Db {
  mkdirSync(config.dataDir, { recursive: true });
  const file = config.dbPath;
  return naming(file, () => {
    const db = openDatabase(file);
    try {
      if (config.dbCheck === 'quick') {
        const findings = db.$client.pragma('quick_check', { simple: false }) as { quick_check: string }[];
        const problems = findings.map((r) => r.quick_check).filter((r) => r !== 'ok');
        if (problems.length) throw new DatabaseDamagedError(file, problems);
      }
      migrateDatabase(db);
      return db;
    } catch (e) {
      db.$client.close();
      throw e;
    }
  });
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

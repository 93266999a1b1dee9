import { createHash } from 'node:crypto';
import type { Db } from '../db/client';

/** A hash of every row of every table: equal before and after a request that changed nothing. */
export function dbFingerprint(db: Db): string {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).raw().iterate())
      hash.update(JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

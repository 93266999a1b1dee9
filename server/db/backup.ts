import { existsSync } from 'node:fs';
import { DatabaseDamagedError, openDatabase } from './client';

/** What a backup holds. */
export interface BackupSummary {
  reports: number;
  lastEventId: number;
}

/**
 * Copies the database at `source` to `target` as of one instant, while other connections keep writing:
 * `VACUUM INTO` reads the whole database in one read transaction (in WAL mode writers are not held)
 * and writes a compact new file. The copy is then checked (`integrity_check`) before it is called a
 * backup. Throws when `target` exists or the copy is damaged.
 */
export function backupDatabase(source: string, target: string): BackupSummary {
  if (existsSync(target)) throw new Error(`${target} already exists`);
  const db = openDatabase(source, { readonly: true });
  try {
    db.$client.prepare('vacuum into ?').run(target);
  } finally {
    db.$client.close();
  }
  const copy = openDatabase(target, { readonly: true });
  try {
    const findings = (copy.$client.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    if (findings.length) throw new DatabaseDamagedError(target, findings);
    const one = (q: string) => (copy.$client.prepare(q).get() as { n: number | null }).n ?? 0;
    return {
      reports: one('select count(*) as n from reports'),
      lastEventId: one('select max(id) as n from report_events'),
    };
  } finally {
    copy.$client.close();
  }
}

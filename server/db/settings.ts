import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { settings } from './schema';

/** A 32-byte server secret kept in `settings` under `key`, created at first use. */
export function serverSecret(db: Db, key: string): Buffer {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (row) return Buffer.from(row.value, 'base64url');
  const secret = randomBytes(32);
  db.insert(settings)
    .values({ key, value: secret.toString('base64url') })
    .onConflictDoNothing()
    .run();
  // Another process may have written it first: the stored one wins.
  const stored = db.select().from(settings).where(eq(settings.key, key)).get()!;
  return Buffer.from(stored.value, 'base64url');
}

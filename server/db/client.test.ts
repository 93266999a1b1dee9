import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './client';

const dir = mkdtempSync(path.join(tmpdir(), 'beacon-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('opening the database file', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every open', () => {
    const file = path.join(dir, 'a.db');
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file);
      const p = (name: string) => db.$client.pragma(name, { simple: true });
      expect(p('journal_mode')).toBe('wal');
      expect(p('synchronous')).toBe(2); // FULL
      expect(p('foreign_keys')).toBe(1);
      expect(p('busy_timeout')).toBe(5000);
      expect(p('cache_size')).toBe(-65536);
      db.$client.close();
    }
  });

  it('creates every table by migration, and migrating again changes nothing', () => {
    const db = openDatabase(path.join(dir, 'b.db'));
    migrateDatabase(db);
    migrateDatabase(db);
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
      )
      .pluck()
      .all();
    expect(tables).toEqual([
      'api_keys',
      'areas',
      'audit_log',
      'blocked_senders',
      'categories',
      'held_reports',
      'idempotency_keys',
      'photos',
      'reply_templates',
      'report_events',
      'report_followers',
      'reports',
      'routing_rules',
      'sessions',
      'settings',
      'units',
      'users',
    ]);
    db.$client.close();
  });

  it('refuses an event for a report that does not exist (foreign keys enforced)', () => {
    const db = openDatabase(path.join(dir, 'c.db'));
    migrateDatabase(db);
    expect(() =>
      db.$client
        .prepare(
          "insert into report_events (report_id, type, actor_role, created_at) values (999, 'created', 'resident', 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });
});

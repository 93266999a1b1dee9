import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from './client';
import { preparedInsert } from './prepared-insert';
import { preparedVersionedUpdate } from './prepared-update';
import { eq } from 'drizzle-orm';
import { photos, reports } from './schema';

function setup() {
  const db = openMemoryDatabase();
  const insert = preparedInsert(db, reports);
  const report = insert({
    trackingCode: 'TH-2611-AAAAAA',
    categoryCode: 'street_lights',
    description: 'Đèn đường không sáng',
    channel: 'web',
    priority: 'normal',
    status: 'received',
    createdAt: 1,
    updatedAt: 1,
    dueAt: 2,
  });
  return { db, report, update: preparedVersionedUpdate(db, reports) };
}

describe('a prepared insert', () => {
  it('returns the row a read gives: the new id, the values and the defaults', () => {
    const { db, report } = setup();
    expect(report.id).toBeGreaterThan(0);
    expect(report).toEqual(db.select().from(reports).where(eq(reports.id, report.id)).get());
    expect(report).toMatchObject({ reporterCount: 1, attributes: '{}', version: 0, address: null });
  });

  it('fills a table keyed by text, and names a column it does not know', () => {
    const { db, report } = setup();
    const insertPhoto = preparedInsert(db, photos);
    const photo = insertPhoto({ id: 'p1', reportId: report.id, width: 640, height: 480, bytes: 1234, createdAt: 3 });
    expect(photo).toEqual(db.select().from(photos).get());
    expect(() => insertPhoto({ id: 'p2', nope: 1 } as never)).toThrow(/nope cannot be set/);
  });
});

describe('a prepared versioned update', () => {
  it('sets the patch and the next version, and returns the row as drizzle reads it', () => {
    const { report, update } = setup();
    const row = update(report.id, 0, { status: 'assigned', priority: 'high', updatedAt: 5 });
    expect(row).toMatchObject({ id: report.id, status: 'assigned', priority: 'high', updatedAt: 5, version: 1 });
    expect(row!.description).toBe('Đèn đường không sáng');
  });

  it('changes nothing and returns undefined when the version moved on (or the row is missing)', () => {
    const { db, report, update } = setup();
    expect(update(report.id, 0, { status: 'assigned' })?.version).toBe(1);
    expect(update(report.id, 0, { status: 'closed' })).toBeUndefined();
    expect(update(report.id + 1, 0, { status: 'closed' })).toBeUndefined();
    expect(db.select().from(reports).get()).toMatchObject({ status: 'assigned', version: 1 });
  });

  it('writes null for a null value, leaves undefined ones alone, and keeps patches of different shapes apart', () => {
    const { report, update } = setup();
    update(report.id, 0, { address: '12 Trần Hưng Đạo', rating: 4 });
    const row = update(report.id, 1, { address: null, rating: undefined, status: 'resolved' });
    expect(row).toMatchObject({ address: null, rating: 4, status: 'resolved', version: 2 });
    expect(update(report.id, 2, {})).toMatchObject({ version: 3, status: 'resolved' });
  });

  it('refuses to patch the key or the version', () => {
    const { report, update } = setup();
    expect(() => update(report.id, 0, { version: 9 })).toThrow(/version cannot be patched/);
  });
});

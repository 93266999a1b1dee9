import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoCity } from '../../../scripts/seed/load-demo-city';
import { buildApp, type BuiltApp } from '../../app';
import { openMemoryDatabase, type Db } from '../../db/client';
import { FakeClock } from '../../domain/clock';
import { TEST_NOW } from '../../test/app';

let built: BuiltApp;
let db: Db;
let photoDir: string;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  db = openMemoryDatabase();
  photoDir = mkdtempSync(path.join(tmpdir(), 'beacon-photos-'));
  await loadDemoCity(db, { now: TEST_NOW, photoDir, history: false });
  built = buildApp({
    db,
    clock: new FakeClock(TEST_NOW),
    options: { codePrefix: 'TH', sessionTtlMs: 3_600_000, cookieSecure: false, photoDir },
  });
  for (const username of ['admin', 'staff.lighting', 'leader.lighting']) {
    const res = await built.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    expect(res.statusCode, username).toBe(200);
    cookies[username] = `beacon_sid=${res.cookies.find((c) => c.name === 'beacon_sid')!.value}`;
  }
});
afterAll(async () => {
  await built.app.close();
  db.$client.close();
  rmSync(photoDir, { recursive: true, force: true });
});

const get = (user: string, url: string) =>
  built.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

describe('the demo city’s administration data', () => {
  it('has a leader of the public lighting company', async () => {
    const me = (await get('leader.lighting', '/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'leader', unit: { name: 'Công ty Chiếu sáng công cộng' } });
  });

  it('offers lighting staff their own resolve replies first, then the general one, in both languages', async () => {
    const items = (await get('staff.lighting', '/api/templates?categoryCode=street_lighting&action=resolve')).json()
      .items;
    expect(items.map((t: { title: { vi: string } }) => t.title.vi)).toEqual([
      'Đã thay bóng đèn',
      'Đã khắc phục đứt cáp',
      'Đã xử lý xong',
    ]);
    expect(items[0].text.en).toBe(
      'The lamp was replaced and the control cabinet checked; the light works normally again.',
    );
    const handBack = (
      await get('staff.lighting', '/api/templates?categoryCode=street_lighting&action=hand_back')
    ).json();
    expect(handBack.items).toHaveLength(2);
  });

  it('has per-priority deadlines and keeps security reports off the public map', async () => {
    const items = (await get('admin', '/api/admin/categories')).json().items as {
      code: string;
      deadlinesByPriority: object;
      publicLocation: string;
    }[];
    const byCode = Object.fromEntries(items.map((c) => [c.code, c]));
    expect(byCode.street_lighting!.deadlinesByPriority).toMatchObject({ urgent: { value: 4, unit: 'hours' } });
    expect(byCode.social_order!.publicLocation).toBe('hidden');
    expect(byCode.street_lighting!.publicLocation).toBe('approximate');
  });

  it('exports a configuration file that imports back into the same city unchanged', async () => {
    const file = (await get('admin', '/api/admin/config')).json();
    const res = await built.app.inject({
      method: 'POST',
      url: '/api/admin/config',
      payload: file,
      headers: { cookie: cookies.admin! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      units: { created: [], updated: [] },
      categories: { created: [], updated: [] },
      areas: { changed: false },
      rules: { added: 0 },
      templates: { added: 0 },
    });
  });
});

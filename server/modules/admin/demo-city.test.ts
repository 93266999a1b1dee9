import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, loadDemoCity } from '../../../scripts/seed/load-demo-city';
import { buildTestAppOn, TEST_NOW, type TestApp } from '../../test/app';

let t: TestApp<unknown>;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await buildTestAppOn((db, photoDir) => loadDemoCity(db, { now: TEST_NOW, photoDir, history: false }));
  for (const username of ['admin', 'staff.lighting', 'leader.lighting'])
    cookies[username] = await t.login(username, DEMO_PASSWORD, DEMO_TOTP_SECRET);
});
afterAll(() => t.close());

const get = (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

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
    const res = await t.app.inject({
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

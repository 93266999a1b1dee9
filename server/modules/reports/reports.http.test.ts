import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/reports', payload: payload as object, headers });
const countReports = () => t.db.get<{ n: number }>(sql`select count(*) as n from reports`)!.n;

describe('POST /api/reports', () => {
  it('files a street-light report in the west ward and routes it to the lighting company with a deadline', async () => {
    const res = await post(reportBody({ contact: { name: 'Nguyễn Văn A', phone: '0905123456' } }), {
      'idempotency-key': 'k-1',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'received',
      area: { code: 'ward-west', name: 'Phường Tây' },
      unit: { id: t.ids.units.lighting, name: 'Công ty Chiếu sáng' },
    });
    expect(body.trackingCode).toMatch(/^TH-2611-[0-9A-Z]{6}$/);
    // Filed Monday 09:00 with 2 working days: due Wednesday 09:00 Vietnam time.
    expect(body.dueAt).toBe('2026-11-25T02:00:00.000Z');
  });

  it('routes potholes in the west ward by the ward-specific rule, in the east by the general one', async () => {
    const west = (await post(reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideWest }))).json();
    const east = (await post(reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideEast }))).json();
    expect(west.unit.id).toBe(t.ids.units.westCommittee);
    expect(east.unit.id).toBe(t.ids.units.roads);
  });

  it('accepts a point outside every ward and sends it to the IOC inbox', async () => {
    const res = await post(reportBody(TEST_CITY.outside));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ area: null, unit: { id: t.ids.units.ioc }, status: 'received' });
  });

  it('returns the same report for the same Idempotency-Key and body, without a second row', async () => {
    const before = countReports();
    const first = await post(reportBody({ description: 'Cây đổ chắn ngang đường' }), { 'idempotency-key': 'retry-1' });
    const again = await post(reportBody({ description: 'Cây đổ chắn ngang đường' }), { 'idempotency-key': 'retry-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(countReports()).toBe(before + 1);
  });

  it('treats a retry whose JSON lists the fields in another order as the same request', async () => {
    const body = reportBody({
      description: 'Rác thải đổ trộm ven đường',
      contact: { name: 'Võ Văn Tám', phone: '0905111222' },
    });
    const reordered = Object.fromEntries(
      Object.entries({ ...body, contact: { phone: '0905111222', name: 'Võ Văn Tám' } }).reverse(),
    );
    const first = await post(body, { 'idempotency-key': 'retry-order' });
    const again = await post(reordered, { 'idempotency-key': 'retry-order' });
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a reused Idempotency-Key with a different body', async () => {
    await post(reportBody(), { 'idempotency-key': 'retry-2' });
    const res = await post(reportBody({ description: 'Một nội dung khác hẳn' }), { 'idempotency-key': 'retry-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('idempotency_key_reused');
  });

  it.each([
    ['a missing category', { categoryCode: undefined }, 'categoryCode'],
    ['an unknown category', { categoryCode: 'volcano' }, 'categoryCode'],
    ['a latitude that is not a number', { lat: 'abc' }, 'lat'],
    ['a latitude off the globe', { lat: 91 }, 'lat'],
    ['a longitude off the globe', { lng: -181 }, 'lng'],
    ['a missing description', { description: undefined }, 'description'],
    ['a description over 4,000 characters', { description: 'x'.repeat(4001) }, 'description'],
    ['a malformed email', { contact: { email: 'not-an-email' } }, 'contact.email'],
  ])('rejects %s with a problem naming the field', async (_, override, path) => {
    const before = countReports();
    const res = await post(reportBody(override));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(countReports()).toBe(before);
  });

  it('rejects malformed JSON with 400 problem+json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: '{"categoryCode": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('invalid_json');
  });
});

describe('GET /api/track/:code', () => {
  it('shows the public view with status, deadline, unit and timeline, but never the reporter', async () => {
    const created = (
      await post(reportBody({ contact: { name: 'Trần Thị Bí Mật', phone: '0911222333', email: 'bimat@example.vn' } }))
    ).json();
    const res = await t.app.inject({ url: `/api/track/${created.trackingCode}` });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      trackingCode: created.trackingCode,
      status: 'received',
      dueAt: created.dueAt,
      unit: created.unit,
    });
    expect(view.timeline).toHaveLength(1);
    expect(res.body).not.toMatch(/Bí Mật|0911222333|bimat@example/);
  });

  it('answers 404 problem+json for an unknown code', async () => {
    const res = await t.app.inject({ url: '/api/track/TH-2611-ZZZZZZ' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('GET /api/health and /api/categories', () => {
  it('reports health', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });
  it('lists categories with names in both languages and a group', async () => {
    const list = (await t.app.inject({ url: '/api/categories' })).json();
    expect(list).toContainEqual(
      expect.objectContaining({
        code: 'street_lighting',
        name: { vi: 'Đèn đường không sáng', en: 'street_lighting' },
        group: 'g',
      }),
    );
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, reportFollowers, reports } from '../../db/schema';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';

let t: TestApp;
let operator: string;
let admin: string;
let lighting: string;
beforeAll(async () => {
  t = await buildTestApp();
  operator = await t.login('operator');
  admin = await t.login('admin');
  lighting = await t.login('staff.lighting');
});
afterAll(() => t.close());

const file = async (body: Record<string, unknown> = reportBody()) =>
  (await t.app.inject({ method: 'POST', url: '/api/reports', payload: body })).json();
const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
const detail = async (id: number) =>
  (await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: operator } })).json();

describe('IOC actions', () => {
  it('sets the priority, and the second operator on the same version gets a conflict', async () => {
    const r = await file();
    const first = await post(operator, `/api/reports/${r.id}/priority`, { priority: 'urgent', version: 0 });
    expect(first.json()).toMatchObject({ priority: 'urgent', version: 1 });
    const second = await post(admin, `/api/reports/${r.id}/priority`, { priority: 'low', version: 0 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    expect((await detail(r.id)).priority).toBe('urgent');
  });

  it('keeps internal notes away from the public view', async () => {
    const r = await file();
    await post(operator, `/api/reports/${r.id}/notes`, { text: 'Đã gọi lại cho người báo', version: 0 });
    expect((await detail(r.id)).timeline.at(-1)).toMatchObject({
      type: 'note',
      internalNote: 'Đã gọi lại cho người báo',
    });
    const pub = await t.app.inject({ url: `/api/track/${r.trackingCode}` });
    expect(pub.body).not.toContain('Đã gọi lại');
  });

  it('re-routes and recomputes the deadline when the category is corrected', async () => {
    const r = await file(reportBody({ ...TEST_CITY.insideWest }));
    const res = await post(operator, `/api/reports/${r.id}/correction`, { categoryCode: 'potholes', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    // Potholes in the west ward belong to its committee, within 48 hours of receipt.
    expect(res.json()).toMatchObject({ category: { code: 'potholes' }, unit: { id: t.ids.units.westCommittee } });
    expect(Date.parse(res.json().dueAt) - Date.parse(res.json().createdAt)).toBe(48 * 3_600_000);
  });

  it('moves the area when the location is corrected across the ward boundary', async () => {
    const r = await file(reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideWest }));
    const res = await post(operator, `/api/reports/${r.id}/correction`, { ...TEST_CITY.insideEast, version: 0 });
    expect(res.json()).toMatchObject({ area: { code: 'ward-east' }, unit: { id: t.ids.units.roads } });
  });

  it('does not let unit staff correct or reprioritise', async () => {
    const r = await file();
    await post(operator, `/api/reports/${r.id}/transitions`, {
      action: 'dispatch',
      version: 0,
      unitId: t.ids.units.lighting,
    });
    expect((await post(lighting, `/api/reports/${r.id}/priority`, { priority: 'low', version: 1 })).statusCode).toBe(
      403,
    );
  });

  it('files a report for a caller on the hotline, as the operator', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({ channel: 'hotline', contact: { name: 'Bà Tư', phone: '0257 3822 123' } }),
      headers: { cookie: operator },
    });
    expect(res.statusCode).toBe(201);
    const d = await detail(res.json().id);
    expect(d).toMatchObject({ channel: 'hotline', contact: { name: 'Bà Tư' } });
    expect(d.timeline[0].actor).toBe('operator');
  });
});

describe('merging duplicates', () => {
  it('moves followers, photos-free updates and the count to the original; both timelines tell the story', async () => {
    const original = await file(reportBody({ description: 'Đèn số 12 tắt' }));
    const dup = await file(reportBody({ description: 'Đèn trước nhà tôi tắt' }));
    const follower = (await t.app.inject({ method: 'POST', url: `/api/track/${dup.trackingCode}/follow` })).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/track/${dup.trackingCode}/comments`,
      payload: { text: 'Tắt từ 18 giờ' },
      headers: { 'x-resident-token': dup.residentToken },
    });

    const merged = await post(operator, `/api/reports/${dup.id}/transitions`, {
      action: 'mark_duplicate',
      version: 2,
      duplicateOf: original.trackingCode,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().status).toBe('duplicate');

    const o = await detail(original.id);
    expect(o.reporterCount).toBe(3); // its filer, the duplicate's filer and its follower
    expect(o.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'duplicate_merged', 'comment']);
    expect(o.timeline.at(-1).note).toBe('Tắt từ 18 giờ');
    expect(t.db.select().from(reportFollowers).where(eq(reportFollowers.reportId, original.id)).all()).toHaveLength(1);
    const d = await detail(dup.id);
    expect(d.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'followed',
      'comment',
      'mark_duplicate',
    ]);
    // The duplicate's filer and follower can still act on the original.
    for (const token of [dup.residentToken, follower.residentToken]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/track/${original.trackingCode}/comments`,
        payload: { text: 'Vẫn tắt' },
        headers: { 'x-resident-token': token },
      });
      expect(res.statusCode).toBe(200);
    }
  });
});

describe('configurable dispatch', () => {
  it('sends a category set to auto-dispatch straight to the routed unit, and holds the others', async () => {
    t.db.update(categories).set({ autoDispatch: true }).where(eq(categories.code, 'potholes')).run();
    t.services.catalog.invalidate();
    const auto = await file(reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideEast }));
    const held = await file();
    expect(auto).toMatchObject({ status: 'assigned', unit: { id: t.ids.units.roads } });
    expect(held.status).toBe('received');
    expect((await detail(auto.id)).timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'auto_dispatched',
    ]);
    // A report outside every ward has no unit to go to: it waits in the IOC inbox.
    const outside = await file(reportBody({ categoryCode: 'potholes', ...TEST_CITY.outside }));
    expect(outside.status).toBe('received');
    t.db.update(categories).set({ autoDispatch: false }).where(eq(categories.code, 'potholes')).run();
    t.services.catalog.invalidate();
    expect(t.db.select().from(reports).where(eq(reports.id, auto.id)).get()!.status).toBe('assigned');
  });
});

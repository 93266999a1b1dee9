import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicReportView, StaffReportDetail, StaffReportView } from '../../../shared/schemas/reports';
import { categories } from '../../db/schema';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';
import { multipart } from '../../test/multipart';

// What a unit does with a report: acknowledge, start, resolve with a reply and an after-photo (as the
// category asks), and what a unit's leader may see.

let t: TestApp;
let operator: string;
let lighting: string;
beforeEach(async () => {
  t = await buildTestApp();
  operator = await t.login('operator');
  lighting = await t.login('staff.lighting');
});
afterEach(() => t.close());

async function dispatched(body = reportBody()): Promise<{ id: number; trackingCode: string; version: number }> {
  const filed = await t.app.inject({ method: 'POST', url: '/api/reports', payload: body });
  expect(filed.statusCode).toBe(201);
  const { id, trackingCode } = filed.json<{ id: number; trackingCode: string }>();
  const res = await act(operator, id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
  expect(res.statusCode).toBe(200);
  return { id, trackingCode, version: res.json<StaffReportView>().version };
}

function act(cookie: string, id: number, payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/reports/${id}/transitions`, headers: { cookie }, payload });
}

function setCategory(code: string, patch: Partial<typeof categories.$inferInsert>) {
  t.db.update(categories).set(patch).where(eq(categories.code, code)).run();
  t.services.catalog.invalidate();
}

const afterPhoto = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 160, b: 60 } } })
    .jpeg()
    .toBuffer();

function resolveForm(version: number, note: string | null, photos: Buffer[]) {
  const fields: Record<string, string> = { action: 'resolve', version: String(version) };
  if (note !== null) fields.note = note;
  return multipart(
    fields,
    photos.map((bytes, i) => ({ field: 'photos', name: `after-${i}.jpg`, type: 'image/jpeg', bytes })),
  );
}

describe('acknowledging', () => {
  it('records once that the unit has seen the report; a second time is refused', async () => {
    const r = await dispatched();
    const ack = await act(lighting, r.id, { action: 'acknowledge', version: r.version });
    expect(ack.statusCode).toBe(200);
    const view = ack.json<StaffReportView>();
    expect(view.status).toBe('assigned');
    expect(view.acknowledgedAt).not.toBeNull();
    expect(view.actions).not.toContain('acknowledge');
    expect(view.actions).toContain('start');
    const again = await act(lighting, r.id, { action: 'acknowledge', version: view.version });
    expect(again.statusCode).toBe(409);
    const track = await t.app.inject({ url: `/api/track/${r.trackingCode}` });
    expect(track.json<PublicReportView>().timeline.map((e) => e.type)).toContain('acknowledge');
  });

  it('asks the new unit to acknowledge again after a reroute', async () => {
    const r = await dispatched();
    const ack = (await act(lighting, r.id, { action: 'acknowledge', version: r.version })).json<StaffReportView>();
    const moved = await act(operator, r.id, { action: 'reroute', version: ack.version, unitId: t.ids.units.roads });
    expect(moved.json<StaffReportView>().acknowledgedAt).toBeNull();
    const roads = await t.login('staff.roads');
    const detail = await t.app.inject({ url: `/api/reports/${r.id}`, headers: { cookie: roads } });
    expect(detail.json<StaffReportView>().actions).toContain('acknowledge');
  });

  it('counts starting the work as acknowledging it', async () => {
    const r = await dispatched();
    const started = (await act(lighting, r.id, { action: 'start', version: r.version })).json<StaffReportView>();
    expect(started.status).toBe('in_progress');
    expect(started.acknowledgedAt).toBe(started.updatedAt);
  });
});

describe('resolving', () => {
  beforeEach(() => setCategory('street_lighting', { resolveNeedsReply: true, resolveNeedsPhoto: true }));

  it('needs a public reply and an after-photo by default, naming each missing one', async () => {
    const r = await dispatched();
    const neither = await act(lighting, r.id, { action: 'resolve', version: r.version });
    expect(neither.statusCode).toBe(422);
    expect(
      neither
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['note', 'photos']);
    const noPhoto = await act(lighting, r.id, { action: 'resolve', version: r.version, note: 'Đã thay bóng đèn.' });
    expect(noPhoto.statusCode).toBe(422);
    expect(noPhoto.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['photos']);
    const noReply = resolveForm(r.version, null, [await afterPhoto()]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/transitions`,
      headers: { cookie: lighting, ...noReply.headers },
      payload: noReply.payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['note']);
    // Nothing changed, and the refused photo was not kept.
    const still = await t.app.inject({ url: `/api/reports/${r.id}`, headers: { cookie: lighting } });
    expect(still.json<StaffReportDetail>().status).toBe('assigned');
    expect(still.json<StaffReportDetail>().photos).toEqual([]);
  });

  it('shows the resident the reply and the after-photo on their tracking page', async () => {
    const r = await dispatched();
    const form = resolveForm(r.version, 'Đã thay bóng đèn LED mới, đèn sáng bình thường.', [await afterPhoto()]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/transitions`,
      headers: { cookie: lighting, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<StaffReportView>().status).toBe('resolved');
    const track = (await t.app.inject({ url: `/api/track/${r.trackingCode}` })).json<PublicReportView>();
    const resolved = track.timeline.find((e) => e.type === 'resolve')!;
    expect(resolved.note).toBe('Đã thay bóng đèn LED mới, đèn sáng bình thường.');
    expect(resolved.photos).toHaveLength(1);
    const photo = await t.app.inject({ url: resolved.photos[0]!.url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it('lets a category make the photo (or the reply) optional', async () => {
    setCategory('street_lighting', { resolveNeedsPhoto: false });
    const r = await dispatched();
    const res = await act(lighting, r.id, { action: 'resolve', version: r.version, note: 'Đã sửa xong.' });
    expect(res.statusCode).toBe(200);
    setCategory('street_lighting', { resolveNeedsReply: false });
    const r2 = await dispatched();
    expect((await act(lighting, r2.id, { action: 'resolve', version: r2.version })).statusCode).toBe(200);
  });

  it('refuses photos with any other action', async () => {
    const r = await dispatched();
    const form = multipart({ action: 'start', version: String(r.version) }, [
      { field: 'photos', name: 'x.jpg', type: 'image/jpeg', bytes: await afterPhoto() },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/transitions`,
      headers: { cookie: lighting, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('photos');
  });
});

describe("a unit's leader", () => {
  it("sees the unit's reports and figures only, and can change nothing", async () => {
    const mine = await dispatched();
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({ categoryCode: 'potholes', lat: 13.07, lng: 109.32 }),
    });
    const other = filed.json<{ id: number }>();
    await act(operator, other.id, { action: 'dispatch', version: 0, unitId: t.ids.units.roads });
    const leader = await t.login('leader.lighting');
    t.clock.advance(60_000);

    const list = await t.app.inject({ url: '/api/reports', headers: { cookie: leader } });
    expect(list.json<{ items: StaffReportView[] }>().items.map((r) => r.id)).toEqual([mine.id]);
    expect((await t.app.inject({ url: `/api/reports/${other.id}`, headers: { cookie: leader } })).statusCode).toBe(404);
    const detail = await t.app.inject({ url: `/api/reports/${mine.id}`, headers: { cookie: leader } });
    expect(detail.json<StaffReportDetail>().actions).toEqual([]);
    expect((await act(leader, mine.id, { action: 'start', version: mine.version })).statusCode).toBe(403);

    const stats = (await t.app.inject({ url: '/api/stats/summary', headers: { cookie: leader } })).json<{
      received: number;
      byUnit: { unitId: number }[];
      unitId: number | null;
    }>();
    expect(stats.received).toBe(1);
    expect(stats.unitId).toBe(t.ids.units.lighting);
    expect(stats.byUnit.map((u) => u.unitId)).toEqual([t.ids.units.lighting]);
    const cityLeader = await t.login('leader');
    const city = (await t.app.inject({ url: '/api/stats/summary', headers: { cookie: cityLeader } })).json<{
      received: number;
    }>();
    expect(city.received).toBe(2);
  });

  it('counts overdue open reports and the median time to resolve', async () => {
    setCategory('street_lighting', { resolveNeedsPhoto: false });
    const a = await dispatched();
    t.clock.advance(2 * 3_600_000);
    // (Test sessions last an hour.)
    operator = await t.login('operator');
    lighting = await t.login('staff.lighting');
    await act(lighting, a.id, { action: 'resolve', version: a.version, note: 'Xong.' });
    await dispatched();
    t.clock.advance(30 * 86_400_000 - 2 * 3_600_000);
    const leader = await t.login('leader.lighting');
    const stats = (await t.app.inject({ url: '/api/stats/summary', headers: { cookie: leader } })).json<{
      overdueOpen: number;
      medianResolveMinutes: number;
    }>();
    expect(stats.overdueOpen).toBe(1);
    expect(stats.medianResolveMinutes).toBe(120);
  });
});

describe('category settings that shape a report', () => {
  it('gives an urgent report the deadline the category sets for urgent ones', async () => {
    setCategory('street_lighting', { deadlinesByPriority: JSON.stringify({ urgent: { value: 4, unit: 'hours' } }) });
    const r = await dispatched();
    const normal = (
      await t.app.inject({ url: `/api/reports/${r.id}`, headers: { cookie: operator } })
    ).json<StaffReportView>();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/priority`,
      headers: { cookie: operator },
      payload: { priority: 'urgent', version: normal.version },
    });
    const urgent = res.json<StaffReportView>();
    expect(Date.parse(urgent.dueAt) - Date.parse(urgent.createdAt)).toBe(4 * 3_600_000);
    expect(Date.parse(normal.dueAt)).toBeGreaterThan(Date.parse(urgent.dueAt));
  });

  it('keeps a sensitive category off the public map and out of public coordinates', async () => {
    const before = await t.app.inject({ url: '/api/map?bbox=109,12,110,14&zoom=18' });
    expect(before.statusCode).toBe(200);
    setCategory('street_lighting', { publicLocation: 'hidden' });
    const filed = (await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })).json<{
      trackingCode: string;
    }>();
    const track = (await t.app.inject({ url: `/api/track/${filed.trackingCode}` })).json<PublicReportView>();
    expect(track.lat).toBeNull();
    expect(track.lng).toBeNull();
    expect(track.area).not.toBeNull();
    const map = await t.app.inject({ url: '/api/map?bbox=109,12,110,14&zoom=18' });
    expect(map.body).not.toContain(filed.trackingCode);
    const nearby = await t.app.inject({ url: '/api/reports/nearby?categoryCode=street_lighting&lat=13.07&lng=109.27' });
    expect(nearby.json()).toEqual([]);
    // Back on the map as soon as an admin makes the category public again.
    setCategory('street_lighting', { publicLocation: 'approximate' });
    const again = await t.app.inject({ url: '/api/map?bbox=109,12,110,14&zoom=18' });
    expect(again.body).toContain(filed.trackingCode);
  });

  it('keeps the name of a retired category on its old reports, and files no new ones in it', async () => {
    const r = await dispatched();
    setCategory('street_lighting', { active: false });
    const detail = await t.app.inject({ url: `/api/reports/${r.id}`, headers: { cookie: lighting } });
    expect(detail.json<StaffReportView>().category.name.vi).toBe('Đèn đường không sáng');
    const track = await t.app.inject({ url: `/api/track/${r.trackingCode}` });
    expect(track.json<PublicReportView>().category.name.vi).toBe('Đèn đường không sáng');
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() });
    expect(filed.statusCode).toBe(422);
    expect(filed.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('categoryCode');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { IocSummary, StaffMapFeature } from '../../../shared/schemas/ioc';
import type { ReportList, StaffReportView } from '../../../shared/schemas/reports';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';
import { listen, recordEvents, socketClient, waitFor, type TestSocket } from '../../test/socket';

// Whose reports the wall shows. A unit's leader reads the map for their unit (DOMAIN.md): exactly the
// reports the reports list gives them (their unit's, once dispatched), never another unit's or one still
// in the IOC inbox, not even as a count inside a cluster. A city leader and the IOC see the whole city.

let t: TestApp;
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];
const USERS = ['operator', 'leader', 'leader.lighting', 'staff.lighting', 'staff.roads'] as const;

/** Every open report with a point, by who should see it on the wall. */
const expected = { lighting: new Set<string>(), city: new Set<string>() };

const CITY_BBOX = '109.2,13.0,109.4,13.2';

async function file(body: Record<string, unknown>, daysAgo = 0) {
  t.clock.advance(-daysAgo * 86_400_000);
  const { result } = await t.services.reports.create(reportBody(body));
  t.clock.advance(daysAgo * 86_400_000);
  return result;
}

async function act(user: string, id: number, payload: Record<string, unknown>): Promise<StaffReportView> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/reports/${id}/transitions`,
    headers: { cookie: cookies[user]! },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StaffReportView>();
}

const get = async <T>(user: string, url: string): Promise<T> => {
  const res = await t.app.inject({ url, headers: { cookie: cookies[user]! } });
  expect(res.statusCode, `${url} as ${user}: ${res.body}`).toBe(200);
  return res.json<T>();
};
const mapOf = (user: string, zoom: number, bbox = CITY_BBOX) =>
  get<StaffMapFeature[]>(user, `/api/ioc/map?bbox=${bbox}&zoom=${zoom}`);
const summaryOf = (user: string) => get<IocSummary>(user, '/api/ioc/summary');
const listOf = async (user: string) => (await get<ReportList>(user, '/api/reports?limit=500')).items;

/** Tracking codes of the single reports in a map answer (past the last clustered zoom, all are single). */
const codesOn = (features: StaffMapFeature[]) =>
  new Set(features.flatMap((f) => (f.type === 'report' ? [f.trackingCode] : [])));
/** How many reports a map answer accounts for, clusters included. */
const total = (features: StaffMapFeature[]) => features.reduce((n, f) => n + (f.type === 'cluster' ? f.count : 1), 0);

beforeAll(async () => {
  t = await buildTestApp();
  for (const u of USERS) cookies[u] = await t.login(u);
  const { lighting, roads } = t.ids.units;
  const dispatch = (id: number, unitId: number) => act('operator', id, { action: 'dispatch', version: 0, unitId });
  // Side by side around both wards, so at city zoom the units' reports fall into the same clusters.
  const near = (i: number) => ({ lat: 13.07 + i * 0.0003, lng: 109.295 + i * 0.0004 });
  const both = (code: string, ...scopes: ('lighting' | 'city')[]) => scopes.forEach((s) => expected[s].add(code));

  // The lighting company's open reports: assigned, in progress, and one overdue (48 h, filed 3 days ago).
  const l1 = await file(near(0));
  await dispatch(l1.id, lighting);
  both(l1.trackingCode, 'lighting', 'city');
  const l2 = await file(near(1));
  const l2v = await dispatch(l2.id, lighting);
  await act('staff.lighting', l2.id, { action: 'start', version: l2v.version });
  both(l2.trackingCode, 'lighting', 'city');
  const l3 = await file({ ...near(2), categoryCode: 'potholes' }, 3);
  await dispatch(l3.id, lighting);
  both(l3.trackingCode, 'lighting', 'city');
  // Resolved by the lighting company: one on time, one late (counted in the on-time rate, not on the map).
  const l4 = await file(near(3));
  const l4v = await dispatch(l4.id, lighting);
  await act('staff.lighting', l4.id, { action: 'resolve', version: l4v.version, note: 'Đã thay bóng đèn.' });
  const l5 = await file({ ...near(4), categoryCode: 'potholes' }, 3);
  const l5v = await dispatch(l5.id, lighting);
  await act('staff.lighting', l5.id, { action: 'resolve', version: l5v.version, note: 'Đã vá ổ gà.' });

  // Proposed for the lighting company but still in the IOC inbox: not theirs yet.
  const inbox = await file(near(5));
  expect(inbox.unit?.id).toBe(lighting);
  both(inbox.trackingCode, 'city');
  // Handed back by the lighting company: back in the inbox, no longer theirs.
  const back = await file(near(6));
  const backV = await dispatch(back.id, lighting);
  await act('staff.lighting', back.id, {
    action: 'hand_back',
    version: backV.version,
    reason: 'Không phải đèn đường.',
  });
  both(back.trackingCode, 'city');

  // The roads department's: assigned, overdue, and one resolved on time.
  const r1 = await file({ ...near(7), categoryCode: 'potholes' });
  await dispatch(r1.id, roads);
  both(r1.trackingCode, 'city');
  const r2 = await file({ ...near(8), categoryCode: 'potholes' }, 3);
  await dispatch(r2.id, roads);
  both(r2.trackingCode, 'city');
  const r3 = await file({ ...near(9), categoryCode: 'potholes' });
  const r3v = await dispatch(r3.id, roads);
  await act('staff.roads', r3.id, { action: 'resolve', version: r3v.version, note: 'Đã vá ổ gà.' });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

describe("a unit's leader's wall", () => {
  it('maps exactly their unit’s dispatched open reports: none of another unit, none still in the inbox', async () => {
    const street = await mapOf('leader.lighting', 20);
    expect(codesOn(street)).toEqual(expected.lighting);
    expect(street.every((f) => f.type === 'report')).toBe(true);
    // At city zoom the clusters count their reports only, not the other reports around them.
    for (const zoom of [3, 11, 14, 17]) expect(total(await mapOf('leader.lighting', zoom)), `zoom ${zoom}`).toBe(3);
  });

  it('has the same reports as their reports list, and counters over those reports', async () => {
    const now = t.clock.now();
    const list = await listOf('leader.lighting');
    const open = list.filter((r) => OPEN_STATUSES.includes(r.status));
    expect(new Set(open.filter((r) => r.lat !== null).map((r) => r.trackingCode))).toEqual(
      codesOn(await mapOf('leader.lighting', 20)),
    );
    const midnight = Date.parse('2026-11-23T00:00:00+07:00');
    const resolved = list.filter((r) => r.resolvedAt !== null);
    const onTime = resolved.filter((r) => Date.parse(r.resolvedAt!) <= Date.parse(r.dueAt));
    expect(await summaryOf('leader.lighting')).toEqual({
      today: list.filter((r) => Date.parse(r.createdAt) >= midnight).length,
      open: open.length,
      overdue: open.filter((r) => Date.parse(r.dueAt) < now).length,
      onTimeRate: onTime.length / resolved.length,
    });
    // Written out: 3 open (1 overdue), 2 resolved of which 1 on time, 3 filed today.
    expect(await summaryOf('leader.lighting')).toEqual({ today: 3, open: 3, overdue: 1, onTimeRate: 0.5 });
  });

  it('receives live only the events of their unit’s reports, like their map', async () => {
    const url = await listen(t);
    const socket = await socketClient(url, cookies['leader.lighting']);
    sockets.push(socket);
    const seen = recordEvents(socket);
    const theirs = await file({ lat: 13.075, lng: 109.29 });
    const proposed = await file({ lat: 13.076, lng: 109.291 });
    const roads = await file({ lat: 13.077, lng: 109.292, categoryCode: 'potholes' });
    await act('operator', roads.id, { action: 'dispatch', version: 0, unitId: t.ids.units.roads });
    await act('operator', theirs.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    await waitFor(() => seen.some((e) => e.trackingCode === theirs.trackingCode));
    const codes = new Set(seen.map((e) => e.trackingCode));
    expect(codes).toEqual(new Set([theirs.trackingCode]));
    expect(codes.has(proposed.trackingCode) || codes.has(roads.trackingCode)).toBe(false);
    // With the actions a leader has, as over HTTP: none (staff's are acknowledge, start, resolve...).
    for (const e of seen) expect(e.report.actions).toEqual([]);
    // ...and the map has it as soon as the index is rebuilt.
    t.clock.advance(1000);
    expect(codesOn(await mapOf('leader.lighting', 20))).toEqual(new Set([...expected.lighting, theirs.trackingCode]));
  });
});

describe("a city leader's wall", () => {
  it('maps every open report of the city, in the inbox or dispatched to any unit', async () => {
    const seenByLeader = codesOn(await mapOf('leader', 20));
    for (const code of expected.city) expect(seenByLeader.has(code), code).toBe(true);
    const open = (await listOf('leader')).filter((r) => OPEN_STATUSES.includes(r.status) && r.lat !== null);
    expect(seenByLeader).toEqual(new Set(open.map((r) => r.trackingCode)));
    expect(total(await mapOf('leader', 11))).toBe(open.length);
    // The operator's wall is the same.
    expect(codesOn(await mapOf('operator', 20))).toEqual(seenByLeader);
  });

  it("counts the whole city's reports, like the list", async () => {
    const now = t.clock.now();
    const list = await listOf('leader');
    const open = list.filter((r) => OPEN_STATUSES.includes(r.status));
    const resolved = list.filter((r) => r.resolvedAt !== null);
    const onTime = resolved.filter((r) => Date.parse(r.resolvedAt!) <= Date.parse(r.dueAt));
    const summary = await summaryOf('leader');
    const midnight = Date.parse('2026-11-23T00:00:00+07:00');
    expect(summary).toEqual({
      today: list.filter((r) => Date.parse(r.createdAt) >= midnight).length,
      open: open.length,
      overdue: open.filter((r) => Date.parse(r.dueAt) < now).length,
      onTimeRate: onTime.length / resolved.length,
    });
    expect(summary.open).toBeGreaterThan((await summaryOf('leader.lighting')).open);
    expect(await summaryOf('operator')).toEqual(summary);
  });
});

describe('who has a wall', () => {
  it('refuses unit staff, whatever their unit', async () => {
    for (const user of ['staff.lighting', 'staff.roads']) {
      for (const url of ['/api/ioc/map?bbox=0,0,1,1&zoom=3', '/api/ioc/summary']) {
        const res = await t.app.inject({ url, headers: { cookie: cookies[user]! } });
        expect(res.statusCode, `${url} as ${user}`).toBe(403);
      }
    }
  });
});

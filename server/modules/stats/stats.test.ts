import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../../test/app';

const HOUR = 3_600_000;
let t: TestApp;
let leader: string;
beforeAll(async () => {
  t = await buildTestApp();
  leader = await t.login('leader');
});
afterAll(() => t.close());

const operator = () => ({
  id: t.ids.users.operator,
  username: 'operator',
  displayName: 'operator',
  role: 'operator' as const,
  unitId: t.ids.units.ioc,
  unitName: null,
});
const staffOf = (unitId: number) => {
  const id = unitId === t.ids.units.lighting ? t.ids.users.lighting : t.ids.users.roads;
  return { id, username: 'staff', displayName: 'staff', role: 'staff' as const, unitId, unitName: null };
};

/** Files a report at `at` and resolves it `resolveAfter` later (or leaves it open). */
async function fileAt(at: number, category: 'street_lighting' | 'potholes', resolveAfter?: number) {
  t.clock.set(at);
  const { result } = await t.services.reports.create(reportBody({ categoryCode: category, lat: 13.07, lng: 109.32 }));
  if (resolveAfter === undefined) return;
  const unitId = result.unit!.id;
  const v = (await t.services.reports.transition(operator(), result.id, { action: 'dispatch', version: 0, unitId }))
    .version;
  t.clock.set(at + resolveAfter);
  await t.services.reports.transition(staffOf(unitId), result.id, { action: 'resolve', version: v, note: 'Đã xong' });
}

describe('GET /api/stats/summary', () => {
  it('counts reports per day and category, statuses, and the on-time rate of resolved ones', async () => {
    const day1 = Date.parse('2026-11-16T09:00:00+07:00');
    const day2 = Date.parse('2026-11-17T23:30:00+07:00'); // still the 17th in Vietnam, the 17th in UTC too
    await fileAt(day1, 'street_lighting', 10 * HOUR); // due in 2 working days: on time
    await fileAt(day1, 'potholes', 60 * HOUR); // due in 48 hours: late
    await fileAt(day2, 'potholes', 2 * HOUR); // on time
    await fileAt(day2, 'street_lighting'); // open
    t.clock.set(TEST_NOW);
    const res = await t.app.inject({
      url: '/api/stats/summary?from=2026-11-16T00:00:00%2B07:00&to=2026-11-23T00:00:00%2B07:00',
      headers: { cookie: leader },
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.received).toBe(4);
    expect(s.perDay).toEqual([
      { date: '2026-11-16', categoryCode: 'potholes', count: 1 },
      { date: '2026-11-16', categoryCode: 'street_lighting', count: 1 },
      { date: '2026-11-17', categoryCode: 'potholes', count: 1 },
      { date: '2026-11-17', categoryCode: 'street_lighting', count: 1 },
    ]);
    expect(s.statusCounts).toEqual({ resolved: 3, received: 1 });
    expect(s.resolved).toBe(3);
    expect(s.resolvedOnTime).toBe(2);
    expect(s.onTimeRate).toBeCloseTo(2 / 3);
  });

  it('is not open to unit staff or residents', async () => {
    expect((await t.app.inject({ url: '/api/stats/summary' })).statusCode).toBe(401);
    const staff = await t.login('staff.lighting');
    expect((await t.app.inject({ url: '/api/stats/summary', headers: { cookie: staff } })).statusCode).toBe(403);
  });

  it('rejects a date that is not ISO 8601', async () => {
    const res = await t.app.inject({ url: '/api/stats/summary?from=yesterday', headers: { cookie: leader } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('from');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/domain/channels';
import type { StatsOverview } from '../../../shared/schemas/stats';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';
import { statsFixtures, type Filed } from '../../test/stats-fixtures';

// A small city week, every figure computed by hand below. Times are local (UTC+7).
// Deadlines: street_lighting 2 working days, potholes 48 clock hours.
// Units: street_lighting -> lighting; potholes -> roads (east), west committee (west).
//
// Previous period [Mon 9 Nov 00:00, Mon 16 Nov 00:00):
//   P1 lighting east  filed Mon 9 09:00, resolved 10:00 (60 min, on time), rated 5
//   P2 potholes east  filed Tue 10 09:00, resolved Fri 13 09:00 (4320 min, late: > 48 h), rated 4
//   P3 potholes east  filed Sun 15 10:00, resolved Mon 16 12:00 (1560 min, on time) -> resolved in the CURRENT period
// Current period [Mon 16 Nov 00:00, Mon 23 Nov 00:00):
//   A  lighting east, app      filed Mon 16 09:00, resolved 11:00 (120 min, on time), rated 5 at 12:00
//   B  lighting west           filed Mon 16 10:00, resolved 14:00 (on time), REOPENED Tue 17 10:00 by the resident,
//                               dispatched again, resolved again Sat 21 10:00: the resolution that stands is
//                               5 days after receipt (7200 min) and past the Wed deadline -> late; rated 2 Sat 21 12:00
//   C  potholes east, hotline  filed Tue 17 08:00, resolved 18:00 (600 min, on time), rated 4 Wed 18 10:00
//   D  potholes west, hotline  filed Tue 17 12:00, resolved Fri 20 00:00 (3600 min = 60 h, late)
//   E  potholes east           filed Wed 18 09:00, still open
//   I  lighting east           filed Thu 19 09:00, resolved 15:00, reopened Mon 23 08:00 (after the period): its
//                               resolution no longer stands, so it is not resolved in the period, and it was not
//                               open at the period's end either
//   H  lighting east           filed Fri 20 09:00, merged into F at 10:00 (duplicate: not received)
//   F  lighting east           filed Sat 21 20:00, resolved Tue 24 09:00 (after the period): open at its end
//   G  potholes east           filed Sun 22 18:00, rejected 20:00 (received, and rejected)
const FROM = '2026-11-16T00:00:00%2B07:00';
const TO = '2026-11-23T00:00:00%2B07:00';
const WEEK = `from=${FROM}&to=${TO}`;

let t: TestApp;
let leader: string;
const { file: fileAt, act, dispatch, resolve, dispatchAndResolve, rate, reopen } = statsFixtures(() => t);

function file(when: string, category: string, side: 'east' | 'west', channel?: Channel): Promise<Filed> {
  const point = side === 'east' ? TEST_CITY.insideEast : TEST_CITY.insideWest;
  return fileAt(when, reportBody({ categoryCode: category, ...point }), { channel });
}
async function fileAndResolve(
  filed: string,
  category: string,
  side: 'east' | 'west',
  resolved: string,
  channel?: Channel,
) {
  return dispatchAndResolve(await file(filed, category, side, channel), filed, resolved);
}

async function overview(query: string, cookie = leader): Promise<StatsOverview> {
  const res = await t.app.inject({ url: `/api/stats/overview?${query}`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatsOverview>();
}

beforeAll(async () => {
  t = await buildTestApp();
  const p1 = await fileAndResolve('2026-11-09T09:00:00', 'street_lighting', 'east', '2026-11-09T10:00:00');
  rate(p1, '2026-11-09T11:00:00', 5);
  const p2 = await fileAndResolve('2026-11-10T09:00:00', 'potholes', 'east', '2026-11-13T09:00:00');
  rate(p2, '2026-11-13T10:00:00', 4);
  await fileAndResolve('2026-11-15T10:00:00', 'potholes', 'east', '2026-11-16T12:00:00');

  const a = await fileAndResolve('2026-11-16T09:00:00', 'street_lighting', 'east', '2026-11-16T11:00:00', 'app');
  rate(a, '2026-11-16T12:00:00', 5);
  const b = await fileAndResolve('2026-11-16T10:00:00', 'street_lighting', 'west', '2026-11-16T14:00:00');
  reopen(b, '2026-11-17T10:00:00');
  await dispatch(b, '2026-11-17T11:00:00');
  await resolve(b, '2026-11-21T10:00:00');
  rate(b, '2026-11-21T12:00:00', 2);
  const c = await fileAndResolve('2026-11-17T08:00:00', 'potholes', 'east', '2026-11-17T18:00:00', 'hotline');
  rate(c, '2026-11-18T10:00:00', 4);
  await fileAndResolve('2026-11-17T12:00:00', 'potholes', 'west', '2026-11-20T00:00:00', 'hotline');
  await file('2026-11-18T09:00:00', 'potholes', 'east');
  const i = await fileAndResolve('2026-11-19T09:00:00', 'street_lighting', 'east', '2026-11-19T15:00:00');
  const h = await file('2026-11-20T09:00:00', 'street_lighting', 'east');
  const f = await file('2026-11-21T20:00:00', 'street_lighting', 'east');
  await act(h, '2026-11-21T21:00:00', { action: 'mark_duplicate', duplicateOf: f.code });
  const g = await file('2026-11-22T18:00:00', 'potholes', 'east');
  await act(g, '2026-11-22T20:00:00', { action: 'reject', reason: 'Trùng lặp thông tin sai' });
  reopen(i, '2026-11-23T08:00:00');
  await dispatch(f, '2026-11-23T08:30:00');
  await resolve(f, '2026-11-24T09:00:00');
  // Sessions live an hour on the fake clock: sign in once it has stopped moving.
  t.clock.set(TEST_NOW + 2 * 86_400_000);
  leader = await t.login('leader');
});
afterAll(() => t.close());

describe('GET /api/stats/overview: headline figures', () => {
  it('counts received, rejected and duplicates, and compares with the week before', async () => {
    const o = await overview(WEEK);
    expect(o.previousFrom).toBe('2026-11-08T17:00:00.000Z');
    expect(o.previousTo).toBe('2026-11-15T17:00:00.000Z');
    // A B C D E I F G (H merged into F does not count); previous: P1 P2 P3.
    expect(o.headline.received).toEqual({ value: 8, previous: 3, delta: 5 });
    expect(o.headline.rejected).toEqual({ value: 1, previous: 0, delta: 1 });
    expect(o.headline.duplicates).toEqual({ value: 1, previous: 0, delta: 1 });
  });

  it('counts the resolution that stands: a reopened report counts once, at its final, late resolution', async () => {
    const o = await overview(WEEK);
    // Resolved in the week: A, B (final), C, D, P3. Not I (reopened since), not F (after the week).
    // On time: A, C, P3; late: B (final fix on Saturday), D (60 h). Previous: P1 on time, P2 late.
    expect(o.headline.resolved).toEqual({ value: 5, previous: 2, delta: 3 });
    expect(o.headline.resolvedOnTime).toEqual({ value: 3, previous: 1, delta: 2 });
    expect(o.headline.onTimeRate.value).toBeCloseTo(0.6);
    expect(o.headline.onTimeRate.previous).toBeCloseTo(0.5);
    expect(o.headline.onTimeRate.delta).toBeCloseTo(0.1);
  });

  it('measures time to resolve with nearest-rank percentiles, odd and even counts', async () => {
    const o = await overview(WEEK);
    // Week, sorted: 120 (A), 600 (C), 1560 (P3), 3600 (D), 7200 (B, receipt to final resolution).
    // n = 5: median rank 3 = 1560; p90 rank ceil(4.5) = 5 = 7200.
    // Previous: 60 (P1), 4320 (P2). n = 2: median rank 1 = 60 (lower middle, not 2190); p90 rank 2 = 4320.
    expect(o.resolveTimes).toEqual({ count: 5, median: 1560, p90: 7200 });
    expect(o.headline.medianResolveMinutes).toEqual({ value: 1560, previous: 60, delta: 1500 });
    expect(o.headline.p90ResolveMinutes).toEqual({ value: 7200, previous: 4320, delta: 2880 });
  });

  it('rates satisfaction from the ratings given in the period (5, 4, 2)', async () => {
    const o = await overview(WEEK);
    // Week: A 5, C 4, B 2 -> 2 of 3 satisfied, mean 11/3. Previous: P1 5, P2 4 -> 2 of 2, mean 4.5.
    expect(o.satisfaction).toMatchObject({ count: 3, satisfied: 2 });
    expect(o.satisfaction.rate).toBeCloseTo(2 / 3);
    expect(o.satisfaction.mean).toBeCloseTo(11 / 3);
    expect(o.headline.satisfactionRate.previous).toBe(1);
    expect(o.headline.satisfactionRate.delta).toBeCloseTo(-1 / 3);
    expect(o.headline.satisfactionMean.delta).toBeCloseTo(11 / 3 - 4.5);
    expect(o.headline.ratings).toEqual({ value: 3, previous: 2, delta: 1 });
  });

  it('rebuilds the backlog at the end of each period from the events since', async () => {
    const o = await overview(WEEK);
    // Open at Mon 23 00:00: E (filed Wed 18 09:00: 111 h = 6660 min) and F (resolved only on the 24th:
    // Sat 21 20:00, 28 h = 1680 min). Not I: resolved then, reopened only afterwards.
    // n = 2: median rank 1 = 1680, p90 rank 2 = 6660.
    expect(o.backlog).toEqual({
      at: '2026-11-22T17:00:00.000Z',
      open: 2,
      medianAgeMinutes: 1680,
      p90AgeMinutes: 6660,
      oldestAgeMinutes: 6660,
      ageBands: { under1d: 0, d1to3: 1, d3to7: 1, over7d: 0 },
    });
    // Open at Mon 16 00:00: P3 only (filed Sun 15 10:00: 14 h = 840 min).
    expect(o.headline.backlog).toEqual({ value: 2, previous: 1, delta: 1 });
    expect(o.headline.backlogMedianAgeMinutes).toEqual({ value: 1680, previous: 840, delta: 840 });
  });

  it('shows the backlog now when the period ends now', async () => {
    const now = new Date(t.clock.now()).toISOString();
    const o = await overview(`from=${FROM}&to=${now}`);
    // Open now: E, I (reopened). F was resolved on the 24th.
    expect(o.backlog.open).toBe(2);
  });
});

describe('GET /api/stats/overview: trends, breakdowns and the ranking', () => {
  it('counts received and resolved per local day, with empty days', async () => {
    const o = await overview(WEEK);
    expect(o.trend.bucket).toBe('day');
    // D's resolution at Fri 20 00:00 local is Thursday in UTC: it belongs to Friday.
    expect(o.trend.points.map((p) => [p.start, p.received, p.resolved, p.resolvedOnTime])).toEqual([
      ['2026-11-16', 2, 2, 2], // A B; resolved A P3
      ['2026-11-17', 2, 1, 1], // C D; resolved C
      ['2026-11-18', 1, 0, 0], // E
      ['2026-11-19', 1, 0, 0], // I (its resolution no longer stands)
      ['2026-11-20', 0, 1, 0], // H is a duplicate; D resolved late
      ['2026-11-21', 1, 1, 0], // F; B resolved late
      ['2026-11-22', 1, 0, 0], // G
    ]);
  });

  it('groups by Monday weeks and by month', async () => {
    const weeks = await overview(`from=2026-11-09T00:00:00%2B07:00&to=${TO}&bucket=week`);
    expect(weeks.trend.points).toEqual([
      { start: '2026-11-09', received: 3, resolved: 2, resolvedOnTime: 1 },
      { start: '2026-11-16', received: 8, resolved: 5, resolvedOnTime: 3 },
    ]);
    const months = await overview(`${WEEK}&bucket=month`);
    expect(months.trend.points).toEqual([{ start: '2026-11-01', received: 8, resolved: 5, resolvedOnTime: 3 }]);
  });

  it('breaks the week down by unit, area, category and channel', async () => {
    const o = await overview(WEEK);
    const { lighting, roads, westCommittee } = t.ids.units;
    const row = (rows: StatsOverview['breakdowns']['unit'], key: string | number) =>
      rows.find((r) => r.key === String(key));
    // Lighting: received A B I F; resolved A (120, on time) B (7200, late) -> median rank 1 = 120; rated 5, 2.
    expect(row(o.breakdowns.unit, lighting)).toEqual({
      key: String(lighting),
      name: 'Công ty Chiếu sáng',
      received: 4,
      resolved: 2,
      resolvedOnTime: 1,
      onTimeRate: 0.5,
      medianResolveMinutes: 120,
      satisfaction: { count: 2, satisfied: 1, rate: 0.5, mean: 3.5 },
    });
    // Roads: received C E G; resolved C (600) P3 (1560), both on time; rated 4.
    expect(row(o.breakdowns.unit, roads)).toMatchObject({
      received: 3,
      resolved: 2,
      onTimeRate: 1,
      medianResolveMinutes: 600,
    });
    expect(row(o.breakdowns.unit, westCommittee)).toMatchObject({ received: 1, resolved: 1, onTimeRate: 0 });
    // West: B D (both late); east: A C E I F G, resolved A C P3.
    expect(row(o.breakdowns.area, 'ward-west')).toMatchObject({
      name: 'Phường Tây',
      received: 2,
      resolved: 2,
      onTimeRate: 0,
    });
    expect(row(o.breakdowns.area, 'ward-east')).toMatchObject({ received: 6, resolved: 3, onTimeRate: 1 });
    // Potholes: C D E G; resolved C P3 D -> median of 600, 1560, 3600 = 1560.
    expect(row(o.breakdowns.category, 'potholes')).toMatchObject({
      received: 4,
      resolved: 3,
      resolvedOnTime: 2,
      medianResolveMinutes: 1560,
    });
    expect(row(o.breakdowns.category, 'street_lighting')).toMatchObject({
      received: 4,
      resolved: 2,
      resolvedOnTime: 1,
    });
    // Channels: app A; hotline C D; web B E I F G (+ P3's resolution).
    expect(row(o.breakdowns.channel, 'app')).toMatchObject({ received: 1, resolved: 1, onTimeRate: 1 });
    expect(row(o.breakdowns.channel, 'hotline')).toMatchObject({ received: 2, resolved: 2, onTimeRate: 0.5 });
    expect(row(o.breakdowns.channel, 'web')).toMatchObject({ received: 5, resolved: 2, onTimeRate: 0.5 });
  });

  it('ranks units by on-time rate only with enough resolved reports, showing the sample', async () => {
    const { lighting, roads, westCommittee } = t.ids.units;
    const few = await overview(WEEK);
    expect(few.ranking.minSample).toBe(10);
    expect(few.ranking.ranked).toEqual([]);
    expect(few.ranking.tooFewToRank.map((u) => u.unitId).sort()).toEqual([lighting, roads, westCommittee].sort());
    const o = await overview(`${WEEK}&minSample=2`);
    expect(o.ranking.ranked).toEqual([
      { rank: 1, unitId: roads, name: 'Phòng Quản lý đô thị', resolved: 2, onTimeRate: 1 },
      { rank: 2, unitId: lighting, name: 'Công ty Chiếu sáng', resolved: 2, onTimeRate: 0.5 },
    ]);
    expect(o.ranking.tooFewToRank).toEqual([{ unitId: westCommittee, name: 'UBND Phường Tây', resolved: 1 }]);
  });
});

describe('GET /api/stats/overview: filters and scope', () => {
  it('narrows every figure to a unit, an area, a category or a channel', async () => {
    const roads = await overview(`${WEEK}&unitId=${t.ids.units.roads}`);
    expect(roads.filters.unitId).toBe(t.ids.units.roads);
    expect([roads.headline.received.value, roads.headline.resolved.value]).toEqual([3, 2]);
    expect(roads.headline.received.previous).toBe(2); // P2 P3
    expect(roads.backlog.open).toBe(1); // E
    const west = await overview(`${WEEK}&areaCode=ward-west`);
    expect([west.headline.received.value, west.headline.resolved.value, west.headline.onTimeRate.value]).toEqual([
      2, 2, 0,
    ]);
    const lighting = await overview(`${WEEK}&categoryCode=street_lighting`);
    expect(lighting.resolveTimes).toEqual({ count: 2, median: 120, p90: 7200 });
    expect(lighting.satisfaction).toMatchObject({ count: 2, satisfied: 1 });
    const hotline = await overview(`${WEEK}&channel=hotline`);
    // C 600, D 3600: median rank 1 = 600.
    expect(hotline.resolveTimes).toEqual({ count: 2, median: 600, p90: 3600 });
    expect(hotline.headline.onTimeRate.value).toBe(0.5);
  });

  it("holds a unit's leader to their unit whatever the URL asks", async () => {
    const unitLeader = await t.login('leader.lighting');
    const o = await overview(`${WEEK}&unitId=${t.ids.units.roads}`, unitLeader);
    expect(o.filters.unitId).toBe(t.ids.units.lighting);
    expect(o.headline.received.value).toBe(4);
    expect(o.breakdowns.unit.map((u) => u.key)).toEqual([String(t.ids.units.lighting)]);
  });

  it('is not open to unit staff or residents', async () => {
    expect((await t.app.inject({ url: `/api/stats/overview?${WEEK}` })).statusCode).toBe(401);
    const staff = await t.login('staff.lighting');
    const res = await t.app.inject({ url: `/api/stats/overview?${WEEK}`, headers: { cookie: staff } });
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ['to before from', `from=${TO}&to=${FROM}`, 'to'],
    ['an unknown bucket', `${WEEK}&bucket=year`, 'bucket'],
    ['a missing from', `to=${TO}`, 'from'],
    ['a date that is not ISO 8601', `from=yesterday&to=${TO}`, 'from'],
    ['an unknown channel', `${WEEK}&channel=fax`, 'channel'],
    ['a sample size of 0', `${WEEK}&minSample=0`, 'minSample'],
  ])('answers 422 naming the field for %s', async (_, query, field) => {
    const res = await t.app.inject({ url: `/api/stats/overview?${query}`, headers: { cookie: leader } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

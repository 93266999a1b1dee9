import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/domain/channels';
import {
  STATS_FIGURES,
  type StatsFigure,
  type StatsHeatmap,
  type StatsOverview,
  type StatsReportPage,
} from '../../../shared/schemas/stats';
import { signIn, type Api } from '../../test/api';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { statsFixtures, type Filed } from '../../test/stats-fixtures';

// The overview test's city week (see overview.test.ts), with the points spread over three heat-map
// cells of 0.005° and one report filed by address, so every drill-down list can be checked by hand
// and against the overview's figure. Times are local (UTC+7).
//
// Cells (south-west corner): EAST1 (13.07, 109.32), EAST2 (13.08, 109.335), WEST1 (13.06, 109.27).
// Previous period [Mon 9 Nov, Mon 16 Nov): P1 lighting EAST1, P2 potholes EAST1, P3 potholes EAST1
//   (filed Sun 15 10:00, resolved Mon 16 12:00 on time: in the current period).
// Current period [Mon 16 Nov 00:00, Mon 23 Nov 00:00):
//   A lighting EAST1 app      Mon 16 09:00, resolved 11:00 (on time), rated 5 Mon 16 12:00
//   B lighting WEST1          Mon 16 10:00, resolved 14:00, reopened Tue 17 10:00, resolved Sat 21 10:00 (late),
//                             rated 2 Sat 21 12:00
//   C potholes EAST1 hotline  Tue 17 08:00, resolved 18:00 (on time), rated 4 Wed 18 10:00
//   D potholes WEST1 hotline  Tue 17 12:00, resolved Fri 20 00:00 (late)
//   E potholes EAST2          Wed 18 09:00, open
//   I lighting EAST2          Thu 19 09:00, resolved 15:00, reopened Mon 23 08:00 (after the period)
//   U potholes, by address in ward-east (no point), Thu 19 12:00, open
//   H lighting EAST1          Fri 20 09:00, merged into F Sat 21 21:00 (duplicate)
//   F lighting EAST1          Sat 21 20:00, resolved Tue 24 09:00 (open at the period's end)
//   G potholes EAST2          Sun 22 18:00, rejected 20:00
// Ties: T1 and T2 filed at the same instant in December (a period of their own).
const FROM = '2026-11-16T00:00:00%2B07:00';
const TO = '2026-11-23T00:00:00%2B07:00';
const WEEK = `from=${FROM}&to=${TO}`;
const EAST1 = { lat: 13.0712, lng: 109.3213 };
const EAST2 = { lat: 13.0826, lng: 109.3388 };
const WEST1 = { lat: 13.0633, lng: 109.2721 };

let t: TestApp;
let call: Api;
const code: Record<string, string> = {};
const { file: fileAt, act, dispatch, resolve, dispatchAndResolve, rate, reopen } = statsFixtures(() => t);

async function file(
  name: string,
  when: string,
  category: string,
  point: { lat: number; lng: number } | null,
  channel?: Channel,
): Promise<Filed> {
  const body = point
    ? reportBody({ categoryCode: category, ...point })
    : { categoryCode: category, areaCode: 'ward-east', address: '12 Lê Lợi', description: 'Ổ gà sâu giữa đường' };
  const r = await fileAt(when, body, { channel });
  code[name] = r.code;
  return r;
}
async function fileAndResolve(
  name: string,
  filed: string,
  category: string,
  point: { lat: number; lng: number },
  resolved: string,
  channel?: Channel,
) {
  return dispatchAndResolve(await file(name, filed, category, point, channel), filed, resolved);
}

async function get<T>(url: string, user = 'leader'): Promise<T> {
  const res = await call(user, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
const drill = (figure: StatsFigure, query = WEEK, user = 'leader') =>
  get<StatsReportPage>(`/api/stats/reports?${query}&figure=${figure}&pageSize=200`, user);
const codesOf = (page: StatsReportPage) => page.items.map((i) => i.trackingCode);
const names = (...n: string[]) => n.map((x) => code[x]);

/** The overview's value of each figure, for the same period and filters. */
function overviewValue(o: StatsOverview, figure: StatsFigure): number {
  const h = o.headline;
  const values: Record<StatsFigure, number> = {
    received: h.received.value,
    rejected: h.rejected.value,
    duplicates: h.duplicates.value,
    resolved: h.resolved.value,
    onTime: h.resolvedOnTime.value,
    late: h.resolved.value - h.resolvedOnTime.value,
    backlog: h.backlog.value,
    rated: h.ratings.value,
    unsatisfied: o.satisfaction.count - o.satisfaction.satisfied,
  };
  return values[figure];
}

beforeAll(async () => {
  t = await buildTestApp();
  const p1 = await fileAndResolve('P1', '2026-11-09T09:00:00', 'street_lighting', EAST1, '2026-11-09T10:00:00');
  rate(p1, '2026-11-09T11:00:00', 5);
  const p2 = await fileAndResolve('P2', '2026-11-10T09:00:00', 'potholes', EAST1, '2026-11-13T09:00:00');
  rate(p2, '2026-11-13T10:00:00', 4);
  await fileAndResolve('P3', '2026-11-15T10:00:00', 'potholes', EAST1, '2026-11-16T12:00:00');

  const a = await fileAndResolve('A', '2026-11-16T09:00:00', 'street_lighting', EAST1, '2026-11-16T11:00:00', 'app');
  rate(a, '2026-11-16T12:00:00', 5);
  const b = await fileAndResolve('B', '2026-11-16T10:00:00', 'street_lighting', WEST1, '2026-11-16T14:00:00');
  reopen(b, '2026-11-17T10:00:00');
  await dispatch(b, '2026-11-17T11:00:00');
  await resolve(b, '2026-11-21T10:00:00');
  rate(b, '2026-11-21T12:00:00', 2);
  const c = await fileAndResolve('C', '2026-11-17T08:00:00', 'potholes', EAST1, '2026-11-17T18:00:00', 'hotline');
  rate(c, '2026-11-18T10:00:00', 4);
  await fileAndResolve('D', '2026-11-17T12:00:00', 'potholes', WEST1, '2026-11-20T00:00:00', 'hotline');
  await file('E', '2026-11-18T09:00:00', 'potholes', EAST2);
  const i = await fileAndResolve('I', '2026-11-19T09:00:00', 'street_lighting', EAST2, '2026-11-19T15:00:00');
  await file('U', '2026-11-19T12:00:00', 'potholes', null);
  const h = await file('H', '2026-11-20T09:00:00', 'street_lighting', EAST1);
  const f = await file('F', '2026-11-21T20:00:00', 'street_lighting', EAST1);
  await act(h, '2026-11-21T21:00:00', { action: 'mark_duplicate', duplicateOf: f.code });
  const g = await file('G', '2026-11-22T18:00:00', 'potholes', EAST2);
  await act(g, '2026-11-22T20:00:00', { action: 'reject', reason: 'Thông tin sai' });
  reopen(i, '2026-11-23T08:00:00');
  await dispatch(f, '2026-11-23T08:30:00');
  await resolve(f, '2026-11-24T09:00:00');

  await file('T1', '2026-12-07T09:00:00', 'potholes', EAST1);
  await file('T2', '2026-12-07T09:00:00', 'potholes', EAST1);
  // Sessions live an hour on the fake clock: sign in once it has stopped moving.
  t.clock.set(TEST_NOW + 2 * 86_400_000);
  call = await signIn(t, 'leader', 'leader.lighting', 'operator', 'staff.lighting');
});
afterAll(() => t.close());

describe('GET /api/stats/reports: the reports behind each figure', () => {
  // By hand, newest first by the figure's own time.
  const expected: Record<StatsFigure, string[]> = {
    received: ['G', 'F', 'U', 'I', 'E', 'D', 'C', 'B', 'A'], // by receipt; not H (merged)
    rejected: ['G'],
    duplicates: ['H'],
    resolved: ['B', 'D', 'C', 'P3', 'A'], // by standing resolution: Sat 21, Fri 20, Tue 17, Mon 16 12:00, 11:00
    onTime: ['C', 'P3', 'A'],
    late: ['B', 'D'],
    backlog: ['F', 'U', 'E'], // open at Mon 23 00:00, by receipt; not I (resolved then)
    rated: ['B', 'C', 'A'], // by rating time
    unsatisfied: ['B'],
  };

  it.each(STATS_FIGURES.map((f) => [f]))('lists %s by hand, and its total is the overview figure', async (figure) => {
    const o = await get<StatsOverview>(`/api/stats/overview?${WEEK}`);
    const page = await drill(figure);
    expect(codesOf(page)).toEqual(names(...expected[figure]));
    expect(page.total).toBe(expected[figure].length);
    expect(page.total).toBe(overviewValue(o, figure));
    expect(page).toMatchObject({ figure, page: 1, pageSize: 200 });
  });

  it('agrees with the overview under every filter and for another period', async () => {
    const filters = [
      `unitId=${t.ids.units.roads}`,
      `unitId=${t.ids.units.lighting}`,
      'areaCode=ward-west',
      'categoryCode=street_lighting',
      'channel=hotline',
    ];
    const periods = [WEEK, `from=2026-11-09T00:00:00%2B07:00&to=${FROM}`, `from=${FROM}&to=2026-11-25T00:00:00Z`];
    for (const period of periods)
      for (const filter of ['', ...filters]) {
        const query = filter ? `${period}&${filter}` : period;
        const o = await get<StatsOverview>(`/api/stats/overview?${query}`);
        for (const figure of STATS_FIGURES)
          expect((await drill(figure, query)).total, `${figure} ${query}`).toBe(overviewValue(o, figure));
      }
  });

  it('describes each report without the reporter', async () => {
    const page = await drill('resolved');
    const b = page.items.find((i) => i.trackingCode === code.B)!;
    expect(b).toEqual({
      trackingCode: code.B,
      categoryCode: 'street_lighting',
      status: 'closed', // rated after its resolution
      priority: 'normal',
      channel: 'web',
      areaCode: 'ward-west',
      areaName: 'Phường Tây',
      unitId: t.ids.units.lighting,
      unitName: 'Công ty Chiếu sáng',
      createdAt: '2026-11-16T03:00:00.000Z',
      dueAt: b.dueAt,
      resolvedAt: '2026-11-21T03:00:00.000Z',
      resolveMinutes: 7200,
      rating: 2,
    });
    const u = (await drill('backlog')).items.find((i) => i.trackingCode === code.U)!;
    expect(u).toMatchObject({ areaCode: 'ward-east', resolvedAt: null, resolveMinutes: null, rating: null });
  });

  it('pages newest first, ties broken by id (newest first)', async () => {
    const all = names('G', 'F', 'U', 'I', 'E', 'D', 'C', 'B', 'A');
    const pages = [];
    for (const p of [1, 2, 3, 4]) {
      const page = await get<StatsReportPage>(`/api/stats/reports?${WEEK}&figure=received&pageSize=4&page=${p}`);
      expect(page).toMatchObject({ total: 9, page: p, pageSize: 4 });
      pages.push(codesOf(page));
    }
    expect(pages).toEqual([all.slice(0, 4), all.slice(4, 8), all.slice(8), []]);
    const december = await drill('received', 'from=2026-12-01T00:00:00%2B07:00&to=2027-01-01T00:00:00%2B07:00');
    expect(codesOf(december)).toEqual(names('T2', 'T1'));
  });

  it("holds a unit's leader to their unit whatever the URL asks", async () => {
    const page = await drill('received', `${WEEK}&unitId=${t.ids.units.roads}`, 'leader.lighting');
    expect(codesOf(page)).toEqual(names('F', 'I', 'B', 'A'));
    expect(page.items.every((i) => i.unitId === t.ids.units.lighting)).toBe(true);
    const o = await get<StatsOverview>(`/api/stats/overview?${WEEK}`, 'leader.lighting');
    for (const figure of STATS_FIGURES)
      expect((await drill(figure, WEEK, 'leader.lighting')).total, figure).toBe(overviewValue(o, figure));
  });

  it('narrows to a box on the map (reports without a point are never in one)', async () => {
    // EAST1's cell: A C F received (H is merged); the whole east ward adds E I G; U has no point.
    const cell = await drill('received', `${WEEK}&bbox=109.32,13.07,109.325,13.075`);
    expect(codesOf(cell)).toEqual(names('F', 'C', 'A'));
    const east = await drill('received', `${WEEK}&bbox=109.3,13.05,109.35,13.1`);
    expect(codesOf(east)).toEqual(names('G', 'F', 'I', 'E', 'C', 'A'));
    expect(codesOf(await drill('backlog', `${WEEK}&bbox=109.3,13.05,109.35,13.1`))).toEqual(names('F', 'E'));
  });

  it('is not open to unit staff or residents', async () => {
    expect((await call(null, 'GET', `/api/stats/reports?${WEEK}&figure=received`)).statusCode).toBe(401);
    expect((await call('staff.lighting', 'GET', `/api/stats/reports?${WEEK}&figure=received`)).statusCode).toBe(403);
    expect((await call('operator', 'GET', `/api/stats/reports?${WEEK}&figure=received`)).statusCode).toBe(200);
  });

  it.each([
    ['an unknown figure', `${WEEK}&figure=happy`, 'figure'],
    ['a missing figure', WEEK, 'figure'],
    ['a bbox of three numbers', `${WEEK}&figure=received&bbox=109.3,13.05,109.35`, 'bbox'],
    ['a bbox with min above max', `${WEEK}&figure=received&bbox=109.35,13.05,109.3,13.1`, 'bbox'],
    ['a bbox off the globe', `${WEEK}&figure=received&bbox=109,13,190,14`, 'bbox'],
    ['to before from', `from=${TO}&to=${FROM}&figure=received`, 'to'],
    ['a date that is not ISO 8601', `from=yesterday&to=${TO}&figure=received`, 'from'],
    ['a page size over 200', `${WEEK}&figure=received&pageSize=500`, 'pageSize'],
  ])('answers 422 problem+json naming the field for %s', async (_, query, field) => {
    const res = await call('leader', 'GET', `/api/stats/reports?${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

describe('GET /api/stats/heatmap', () => {
  it('counts the reports received in the period on a 0.005° grid, apart from those without a point', async () => {
    const map = await get<StatsHeatmap>(`/api/stats/heatmap?${WEEK}`);
    expect(map).toEqual({
      cellDeg: 0.005,
      cells: [
        [13.06, 109.27, 2], // B D
        [13.07, 109.32, 3], // A C F (H merged)
        [13.08, 109.335, 3], // E I G
      ],
      max: 3,
      total: 8,
      unlocated: 1, // U
    });
    const o = await get<StatsOverview>(`/api/stats/overview?${WEEK}`);
    const sum = map.cells.reduce((s, c) => s + c[2], 0);
    expect(sum).toBe(map.total);
    expect(sum + map.unlocated).toBe(o.headline.received.value);
  });

  it("gives each cell's count as the drill-down of its box", async () => {
    const map = await get<StatsHeatmap>(`/api/stats/heatmap?${WEEK}`);
    for (const [lat, lng, n] of map.cells) {
      const bbox = [lng, lat, lng + map.cellDeg, lat + map.cellDeg].join(',');
      expect((await drill('received', `${WEEK}&bbox=${bbox}`)).total).toBe(n);
    }
  });

  it('applies the filters and holds a unit leader to their unit', async () => {
    const west = await get<StatsHeatmap>(`/api/stats/heatmap?${WEEK}&areaCode=ward-west`);
    expect(west).toMatchObject({ cells: [[13.06, 109.27, 2]], total: 2, unlocated: 0 });
    // Lighting: A F in EAST1, I in EAST2, B in WEST1.
    const lighting = await get<StatsHeatmap>(
      `/api/stats/heatmap?${WEEK}&unitId=${t.ids.units.roads}`,
      'leader.lighting',
    );
    expect(lighting.cells).toEqual([
      [13.06, 109.27, 1],
      [13.07, 109.32, 2],
      [13.08, 109.335, 1],
    ]);
    const hotline = await get<StatsHeatmap>(`/api/stats/heatmap?${WEEK}&channel=hotline&categoryCode=potholes`);
    expect(hotline.total).toBe(2); // C D
  });

  it('answers an empty map for a quiet period', async () => {
    const map = await get<StatsHeatmap>('/api/stats/heatmap?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(map).toEqual({ cellDeg: 0.005, cells: [], max: 0, total: 0, unlocated: 0 });
  });

  it.each([
    ['to before from', `from=${TO}&to=${FROM}`, 'to'],
    ['a period over five years', `from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`, 'to'],
    ['an unknown channel', `${WEEK}&channel=fax`, 'channel'],
  ])('answers 422 naming the field for %s', async (_, query, field) => {
    const res = await call('leader', 'GET', `/api/stats/heatmap?${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATS_BUCKETS, STATS_FIGURES } from '../../../shared/schemas/stats';
import { generateLargeHistory } from '../../../scripts/seed/large-history';
import { loadDemoCity } from '../../../scripts/seed/load-demo-city';
import { Rng } from '../../../scripts/seed/random';
import type { AuthUser } from '../auth/auth.service';
import { buildTestAppOn, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { OverviewRepository, type Dimension, type OverviewFilters } from './overview.repository';
import type { GridCount } from '../../domain/heatmap';
import { DrilldownRepository } from './drilldown.repository';
import { modelOverviewSource } from './stats-model';
import { selectKth, TimeOrder } from './time-order';

const DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;
const DIMS: Dimension[] = ['none', 'unit', 'area', 'category', 'channel'];

let t: TestApp<unknown>;
let sqlSource: OverviewRepository;
let model: ReturnType<typeof modelOverviewSource>;
let drill: DrilldownRepository;

beforeAll(async () => {
  t = await buildTestAppOn(async (d, photoDir) => {
    await loadDemoCity(d, { now: TEST_NOW, photoDir, history: false });
    // The live changes below resolve without after-photos.
    d.run(sql`update categories set resolve_needs_photo = 0`);
    return generateLargeHistory(d, { count: 2_500, years: 1, now: TEST_NOW, seed: 7, batchSize: 500 });
  });
  sqlSource = new OverviewRepository(t.db);
  model = modelOverviewSource(t.db);
  drill = new DrilldownRepository(t.db);
}, 60_000);
afterAll(() => t?.close());

/** Filters drawn from values that occur (and one that never does). */
function filtersOf(rng: Rng): OverviewFilters[] {
  const pick = (q: ReturnType<typeof sql>) => t.db.all<{ v: string | number }>(q).map((r) => r.v);
  const units = pick(sql`select distinct unit_id as v from reports where unit_id is not null`) as number[];
  const areas = pick(sql`select distinct area_code as v from reports where area_code is not null`) as string[];
  const categories = pick(sql`select distinct category_code as v from reports`) as string[];
  const channels = pick(sql`select distinct channel as v from reports`) as string[];
  return [
    {},
    { unitId: rng.pick(units) },
    { areaCode: rng.pick(areas) },
    { categoryCode: rng.pick(categories), channel: rng.pick(channels) },
    { unitId: rng.pick(units), categoryCode: rng.pick(categories) },
    { areaCode: 'no-such-area' },
  ];
}

/** Random periods over the history: a day, weeks, months, the whole year, unaligned edges. */
function periodsOf(rng: Rng, count: number): [number, number][] {
  const out: [number, number][] = [[TEST_NOW - 365 * DAY, TEST_NOW + DAY]];
  for (let k = 0; k < count; k++) {
    const span = rng.pick([DAY, 7 * DAY, 30 * DAY, 90 * DAY, rng.int(1, 200) * 3_600_000]);
    const from = TEST_NOW - rng.int(0, 380) * DAY - rng.int(0, 86_399) * 1000;
    out.push([from, from + span]);
  }
  return out;
}

function expectSame(rng: Rng, periods: number) {
  for (const [from, to] of periodsOf(rng, periods)) {
    for (const f of filtersOf(rng)) {
      const where = JSON.stringify({ from: new Date(from), to: new Date(to), f });
      for (const dim of DIMS) {
        expect(model.counts(from, to, f, dim), `counts ${dim} ${where}`).toEqual(sqlSource.counts(from, to, f, dim));
        const byKey = <R extends { key: string | null }>(rows: R[]) =>
          [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
        expect(byKey(model.resolveTimes(from, to, f, dim)), `times ${dim} ${where}`).toEqual(
          byKey(sqlSource.resolveTimes(from, to, f, dim)),
        );
      }
      const bucket = rng.pick(STATS_BUCKETS);
      expect(model.trend(from, to, f, bucket, OFFSET), `trend ${bucket} ${where}`).toEqual(
        sqlSource.trend(from, to, f, bucket, OFFSET),
      );
      for (const at of [from, to]) expect(model.backlog(at, f), `backlog ${where}`).toEqual(sqlSource.backlog(at, f));
      const cells = (h: { cells: GridCount[]; unlocated: number }) => ({
        unlocated: h.unlocated,
        cells: [...h.cells].sort((a, b) => a.y - b.y || a.x - b.x),
      });
      expect(cells(model.heatmap(from, to, f)), `heatmap ${where}`).toEqual(cells(drill.heatmap(from, to, f)));
      // The reports behind each figure: the same total and the same page, in the same order.
      const boxed =
        rng.int(0, 2) === 0 ? { ...f, bbox: { minLng: 109.25, minLat: 13.0, maxLng: 109.31, maxLat: 13.1 } } : f;
      for (const figure of STATS_FIGURES) {
        const offset = rng.pick([0, 0, 7, 40]);
        const page = model.figurePage(figure, from, to, boxed, offset, 15);
        expect(page.total, `${figure} total ${where}`).toBe(drill.count(figure, from, to, boxed));
        expect(drill.rowsByIds(page.ids), `${figure} page ${where}`).toEqual(
          drill.page(figure, from, to, boxed, 15, offset),
        );
      }
    }
  }
}

describe('the in-memory statistics model', () => {
  it('gives the same figures as the reference SQL on a year of generated history', () => {
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from reports`)!.n).toBe(2_500);
    expectSame(new Rng(11), 25);
  });

  it('stays equal to the SQL as reports are filed, resolved, reopened, rerouted, rejected and rated', async () => {
    const rng = new Rng(12);
    // The model is loaded by now (the test above asked it); every change below reaches it through the event log.
    const admin = t.db.get<AuthUser>(sql`
      select u.id, u.username, u.display_name as displayName, u.role, u.unit_id as unitId, null as unitName
      from users u where u.role = 'admin' limit 1`)!;
    const units = t.db.all<{ id: number }>(sql`select id from units where code <> 'ioc'`).map((u) => u.id);
    const version = (id: number) => t.db.get<{ v: number }>(sql`select version as v from reports where id = ${id}`)!.v;
    const status = (id: number) => t.db.get<{ s: string }>(sql`select status as s from reports where id = ${id}`)!.s;
    const act = async (id: number, input: Record<string, unknown>) => {
      // Auto-dispatched categories are assigned on receipt already.
      if (input.action === 'dispatch' && status(id) === 'assigned') return;
      await t.services.reports.transition(admin, id, { version: version(id), ...input } as never);
    };
    let now = TEST_NOW;
    const filed: { id: number; code: string; token: string }[] = [];
    // Real bodies: the categories, points and answers of generated reports.
    const bodies = t.db.all<{ categoryCode: string; lat: number; lng: number; attributes: string }>(sql`
      select category_code as categoryCode, lat, lng, attributes from reports
      where lat is not null order by id desc limit 40`);
    for (const b of bodies) {
      now += rng.int(1, 6) * 3_600_000;
      t.clock.set(now);
      const { result } = await t.services.reports.create(
        reportBody({ categoryCode: b.categoryCode, lat: b.lat, lng: b.lng, attributes: JSON.parse(b.attributes) }),
        {},
      );
      filed.push({ id: result.id, code: result.trackingCode, token: result.residentToken });
    }
    for (const r of filed) {
      now += rng.int(1, 30) * 60_000;
      t.clock.set(now);
      const fate = rng.int(0, 5);
      if (fate === 0) {
        await act(r.id, { action: 'reject', reason: 'Không thuộc phạm vi' });
        continue;
      }
      await act(r.id, { action: 'dispatch', unitId: rng.pick(units) });
      if (fate === 1) continue;
      await act(r.id, { action: 'resolve', note: 'Đã xử lý xong' });
      if (fate >= 3) {
        t.clock.set((now += 3_600_000));
        t.services.residents.act(r.code, r.token, { action: 'reopen', reason: 'Vẫn còn hỏng' });
        if (fate === 4) {
          await act(r.id, { action: 'dispatch', unitId: rng.pick(units) });
          await act(r.id, { action: 'resolve', note: 'Đã sửa lại' });
          t.services.residents.rate(r.code, r.token, { score: rng.int(1, 5) });
        }
      } else {
        t.services.residents.rate(r.code, r.token, { score: rng.int(1, 5) });
      }
    }
    const from = TEST_NOW - 2 * DAY;
    for (const f of [{}, ...filtersOf(rng)]) {
      for (const dim of DIMS)
        expect(model.counts(from, now + DAY, f, dim)).toEqual(sqlSource.counts(from, now + DAY, f, dim));
      for (const at of [TEST_NOW, TEST_NOW + DAY, now - 3_600_000, now, now + 1])
        expect(model.backlog(at, f)).toEqual(sqlSource.backlog(at, f));
    }
    expectSame(new Rng(13), 10);
  });
});

describe('TimeOrder', () => {
  it('visits exactly the items in a range, before and after changes, across rebuilds', () => {
    const rng = new Rng(3);
    const times: number[] = [];
    const order = new TimeOrder((i) => times[i]!);
    const check = () => {
      for (let k = 0; k < 30; k++) {
        const a = rng.int(0, 1000);
        const b = a + rng.int(0, 400);
        const seen: number[] = [];
        order.visit(a, b, times.length, (i) => seen.push(i));
        const want = times.flatMap((x, i) => (x >= a && x < b ? [i] : []));
        expect(seen.sort((x, y) => x - y)).toEqual(want);
      }
    };
    for (let i = 0; i < 500; i++) times.push(rng.int(0, 10) === 0 ? Number.NaN : rng.int(0, 1000));
    order.rebuild(times.length);
    check();
    // Changed times, removed ones (NaN) and new items, without a rebuild.
    for (let k = 0; k < 60; k++) {
      const i = rng.int(0, times.length - 1);
      const before = times[i]!;
      times[i] = rng.int(0, 3) === 0 ? Number.NaN : rng.int(0, 1000);
      order.changed(i, before);
    }
    // New items, late ones appended, earlier ones out of order.
    for (let k = 0; k < 40; k++) {
      times.push(k % 2 ? 1000 + k : rng.int(0, 1000));
      order.changed(times.length - 1, Number.NaN);
    }
    check();
    order.rebuild(times.length);
    check();
  });

  it('selects the k-th smallest like a sort would, with ties, sorted and reversed input', () => {
    const rng = new Rng(5);
    const cases = [
      Array.from({ length: 1001 }, () => rng.int(0, 50)),
      Array.from({ length: 500 }, (_, i) => i),
      Array.from({ length: 500 }, (_, i) => 500 - i),
      [7],
      [2, 1],
    ];
    for (const values of cases) {
      const sorted = [...values].sort((a, b) => a - b);
      for (const k of [0, values.length - 1, Math.floor(values.length / 2), Math.floor(values.length * 0.9)]) {
        expect(selectKth(Float64Array.from(values), k)).toBe(sorted[k]);
      }
    }
  });
});

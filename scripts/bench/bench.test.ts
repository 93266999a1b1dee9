import { describe, expect, it } from 'vitest';
import { formatTable, loadBenches } from './run';

describe('benchmarks', () => {
  it('weighs the resident’s first load in a smoke run and reports its figures', async () => {
    const [weight] = await loadBenches(['resident-weight']);
    expect(weight?.name).toBe('resident-weight');
    const rows = await weight!.run({ smoke: true });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['web.resident_js_gz']?.value).toBeGreaterThan(0);
    expect(byName['web.resident_js_gz']?.unit).toBe('kB');
    expect(typeof byName['web.resident_js_gz']?.met).toBe('boolean');
    expect(byName['web.resident_css_gz']?.value).toBeGreaterThan(0);
    expect(byName['web.resident_css_gz']?.target).toBeNull();
    expect(formatTable(rows)).toContain('web.resident_js_gz');
  }, 120_000);
});

describe('the map benchmark', () => {
  it('builds a small city of open reports, serves its viewports and reports every map figure', async () => {
    const [map] = await loadBenches(['map']);
    const rows = await map!.run({ smoke: true });
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'map.index_build_ms',
        'map.city_p50_ms',
        'map.city_kb',
        'map.street_p50_ms',
        'map.street_kb',
      ]),
    );
    for (const r of rows) expect(r.value, r.name).toBeGreaterThan(0);
    expect(rows.find((r) => r.name === 'map.city_kb')!.target).toBe('<= 100');
  }, 120_000);
});

describe('the routing benchmark', () => {
  it('routes points over a small tiled country, checks the answers and reports every routing figure', async () => {
    const [routing] = await loadBenches(['routing']);
    const rows = await routing!.run({ smoke: true });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    for (const n of ['routing.index_build_ms', 'routing.points_per_s', 'routing.p99_us', 'routing.heap_mb'])
      expect(byName[n], n).toBeDefined();
    expect(byName['routing.checked']!.value).toBeGreaterThan(500);
    expect(byName['routing.points_per_s']!.target).toBe('>= 50000');
    expect(typeof byName['routing.points_per_s']!.met).toBe('boolean');
  }, 60_000);
});

describe('the statistics benchmark', () => {
  it('generates a small history, times every query behind /stats and the submissions with and without it', async () => {
    const [stats] = await loadBenches(['stats']);
    const rows = await stats!.run({ smoke: true });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['stats.reports']!.value).toBe(3_000);
    // Every figure of the overview, this period and the previous one, and the page's other queries.
    for (const q of [
      'counts_none',
      'counts_none_previous',
      'resolve_times_none',
      'backlog',
      'backlog_previous',
      'trend',
    ])
      expect(byName[`stats.q.${q}_ms`]?.target, q).toBe('<= 50');
    for (const dim of ['unit', 'area', 'category', 'channel']) {
      expect(byName[`stats.q.counts_${dim}_ms`], dim).toBeDefined();
      expect(byName[`stats.q.resolve_times_${dim}_ms`], dim).toBeDefined();
    }
    for (const q of ['heatmap', 'reports_received', 'reports_late', 'reports_backlog'])
      expect(byName[`stats.q.${q}_ms`], q).toBeDefined();
    expect(byName['stats.submit_p99_ms']!.value).toBeGreaterThan(0);
    expect(byName['stats.submit_p99_ratio']!.target).toBe('<= 1.5');
    expect(typeof byName['stats.submit_p99_ratio']!.met).toBe('boolean');
  }, 120_000);
});

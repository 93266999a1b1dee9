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

describe('the ingest benchmark', () => {
  it('loads the baseline and the real server with dashboards connected and reports every ingest figure', async () => {
    const [ingest] = await loadBenches(['ingest']);
    const rows = await ingest!.run({ smoke: true });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    for (const n of [
      'ingest.baseline_rps',
      'ingest.rps',
      'ingest.ratio',
      'ingest.p99_ms',
      'ingest.failed_requests',
      'ingest.push_received_pct',
    ]) {
      expect(byName[n], n).toBeDefined();
      expect(Number.isFinite(byName[n]!.value), n).toBe(true);
    }
    expect(byName['ingest.baseline_rps']!.value).toBeGreaterThan(0);
    expect(byName['ingest.rps']!.value).toBeGreaterThan(0);
    expect(byName['ingest.ratio']!.target).toBe('>= 0.2');
    expect(typeof byName['ingest.ratio']!.met).toBe('boolean');
  }, 180_000);
});

describe('the push benchmark', () => {
  it('times pushes at a fixed rate, fans one report out, weighs idle sockets and reports every figure', async () => {
    const [push] = await loadBenches(['push']);
    const rows = await push!.run({ smoke: true });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    for (const n of [
      'push.post_p99_ms',
      'push.ack_to_receipt_p99_ms',
      'push.achieved_rps',
      'push.fanout_1000_p99_ms',
      'push.fanout_1000_delivered_pct',
      'memory.server_rss_mb',
      'memory.per_tracker_kb',
    ]) {
      expect(byName[n], n).toBeDefined();
      expect(Number.isFinite(byName[n]!.value), n).toBe(true);
    }
    expect(byName['push.post_p99_ms']!.target).toBe('<= 20');
    expect(byName['push.ack_to_receipt_p99_ms']!.target).toBe('<= 50');
    expect(byName['push.fanout_1000_p99_ms']!.target).toBe('<= 100');
    expect(byName['memory.server_rss_mb']!.target).toBe('<= 500');
    expect(byName['memory.server_rss_mb']!.value).toBeGreaterThan(0);
    // The sockets are the point of the smoke run: all of them connected and reached.
    expect(byName['push.received_pct']!.value).toBe(100);
    expect(byName['push.fanout_1000_delivered_pct']!.value).toBe(100);
    expect(byName['memory.trackers']!.met).toBe(true);
  }, 180_000);
});

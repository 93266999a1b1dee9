/**
 * stats.*: the leaders' page on 1,000,000 reports over three years (`npm run generate-history`, kept
 * in the temp folder between runs since it takes a couple of minutes). In process: the statistics
 * model's load time and memory, then the time of every query behind /stats for the default view (the
 * last 30 days, each overview figure, the heat map and a drill-down page) and for a whole year. Then
 * the real server as a separate process: residents file reports at 200 per second, first alone (the
 * baseline), then while a leader's /stats page refreshes every second; the p99 of the submissions must
 * stay within 1.5 times the baseline's.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openDatabase, type Db } from '../../server/db/client';
import { DrilldownRepository } from '../../server/modules/stats/drilldown.repository';
import { DrilldownService } from '../../server/modules/stats/drilldown.service';
import { OverviewService, type OverviewSource } from '../../server/modules/stats/overview.service';
import { StatsModel } from '../../server/modules/stats/stats-model';
import { StatsModelRepository } from '../../server/modules/stats/stats-model.repository';
import { DEMO_PASSWORD } from '../seed/load-demo-city';
import type { Row } from './run';
import { buildWeb, largeHistory, login, percentile, row, startServer, timeToVisible } from './support';

export const name = 'stats';

const DAY = 86_400_000;
const QUERY_TARGET_MS = 50;
const P99_RATIO_TARGET = 1.5;
const PAGE_TARGET_MS = 2000;
/** The page is usable once the first headline figure shows a number. */
const KPI_READY = '[data-testid="kpi-received-value"]';

interface Size {
  reports: number;
  /** Submissions per second and seconds per phase. */
  rate: number;
  seconds: number;
  repeats: number;
}
const FULL: Size = { reports: 1_000_000, rate: 200, seconds: 20, repeats: 5 };
const SMOKE: Size = { reports: 3_000, rate: 40, seconds: 4, repeats: 1 };

const gc = (): void => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
};
const heapMb = () => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};

/** The overview's sources, each call timed under a name (which figure, which period). */
function timed(model: StatsModel, times: Map<string, number[]>): OverviewSource {
  const seen = new Map<string, number>();
  const time = <T>(what: string, fn: () => T): T => {
    // The service asks each kind twice (this period, then the previous one): name them apart.
    const k = (seen.get(what) ?? 0) + 1;
    seen.set(what, k);
    const label = k === 1 ? what : `${what}_previous`;
    const t0 = performance.now();
    const out = fn();
    const list = times.get(label) ?? [];
    list.push(performance.now() - t0);
    times.set(label, list);
    return out;
  };
  return {
    counts: (from, to, f, dim = 'none') => time(`counts_${dim}`, () => model.counts(from, to, f, dim)),
    resolveTimes: (from, to, f, dim = 'none') =>
      time(`resolve_times_${dim}`, () => model.resolveTimes(from, to, f, dim)),
    trend: (...a) => time('trend', () => model.trend(...a)),
    backlog: (at, f) => time('backlog', () => model.backlog(at, f)),
    unitNames: () => model.unitNames(),
  };
}

/** Median time of every query behind the page for one period, by query. */
function pageQueries(db: Db, model: StatsModel, from: number, to: number, repeats: number): Map<string, number> {
  const times = new Map<string, number[]>();
  // As the server wires it: the heat map's counts from the model, the lists from SQL.
  const drill = new DrilldownService(new DrilldownRepository(db), undefined, model);
  const q = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  for (let r = 0; r < repeats; r++) {
    const overview = new OverviewService(timed(model, times));
    overview.overview({ ...q, bucket: to - from > 90 * DAY ? 'week' : 'day', minSample: 10 }, {});
    const time = (label: string, fn: () => unknown) => {
      const t0 = performance.now();
      fn();
      const list = times.get(label) ?? [];
      list.push(performance.now() - t0);
      times.set(label, list);
    };
    time('heatmap', () => drill.heatmap(q, {}));
    for (const figure of ['received', 'late', 'backlog'] as const)
      time(`reports_${figure}`, () => drill.reports({ ...q, figure, page: 1, pageSize: 50 }, {}));
  }
  return new Map([...times].map(([k, v]) => [k, percentile(v, 50)]));
}

/** A valid report body per generated report with a point (category, point and answers as filed). */
function bodies(db: Db): string[] {
  const rows = db.$client
    .prepare(
      `select category_code as categoryCode, lat, lng, attributes from reports
       where lat is not null and channel = 'app' order by id desc limit 500`,
    )
    .all() as { categoryCode: string; lat: number; lng: number; attributes: string }[];
  return rows.map((r) =>
    JSON.stringify({
      categoryCode: r.categoryCode,
      lat: r.lat,
      lng: r.lng,
      attributes: JSON.parse(r.attributes) as unknown,
      description: 'Đèn đường trước nhà số 12 không sáng (benchmark)',
    }),
  );
}

/** Files reports open-loop at `rate` per second for `seconds`; latencies of the answers (ms). */
async function fileReports(base: string, body: string[], rate: number, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const total = rate * seconds;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let failures = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    inFlight.push(
      fetch(`${base}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body[i % body.length],
      }).then(
        async (res) => {
          await res.arrayBuffer();
          if (res.status !== 201) failures++;
          latencies.push(performance.now() - t0);
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(inFlight);
  if (failures) throw new Error(`${failures} of ${total} submissions failed`);
  return latencies;
}

/** The requests the /stats page makes on load (together, as the page does); how long until all answered. */
async function loadPage(base: string, cookie: string, from: number, to: number): Promise<number> {
  const q = `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
  const t0 = performance.now();
  const answers = await Promise.all(
    [`/api/stats/overview?${q}&bucket=day`, `/api/stats/heatmap?${q}`].map(async (url) => {
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  if (answers.some((s) => s !== 200)) throw new Error(`/stats answered ${answers.join(', ')}`);
  return performance.now() - t0;
}

/** The page loaded every second until `stop`; the load times. */
async function refreshStats(base: string, cookie: string, from: number, to: number, stop: () => boolean) {
  const latencies: number[] = [];
  while (!stop()) {
    const took = await loadPage(base, cookie, from, to);
    latencies.push(took);
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - took)));
  }
  return latencies;
}

export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const size = smoke ? SMOKE : FULL;
  const dir = await largeHistory(size.reports, smoke ? 'smoke' : 'shared');
  const rows: Row[] = [];
  try {
    const db = openDatabase(path.join(dir, 'beacon.db'), { readonly: true });
    const reports = db.$client.prepare('select count(*) as n from reports').get() as { n: number };
    const end = (db.$client.prepare('select max(created_at) as t from reports').get() as { t: number }).t;
    rows.push(row('stats.reports', reports.n, 'reports', null));

    const before = heapMb();
    const t0 = performance.now();
    const model = StatsModel.load(new StatsModelRepository(db), (fn) => db.$client.transaction(fn)());
    rows.push(row('stats.model_load_ms', performance.now() - t0, 'ms', null));
    rows.push(row('stats.model_mb', heapMb() - before, 'MB', null));

    // The default view: the 30 local days up to the end of the history.
    const to = Math.ceil((end + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000;
    for (const [query, ms] of pageQueries(db, model, to - 30 * DAY, to, size.repeats))
      rows.push(row(`stats.q.${query}_ms`, ms, 'ms', QUERY_TARGET_MS));
    const year = pageQueries(db, model, to - 365 * DAY, to, Math.min(3, size.repeats));
    for (const [query, ms] of year) rows.push(row(`stats.year.${query}_ms`, ms, 'ms', QUERY_TARGET_MS));
    const bodyList = bodies(db);
    db.$client.close();

    // Submissions go to a copy: the shared history stays as generated for the next run and the browser test.
    const scratch = mkdtempSync(path.join(tmpdir(), 'beacon-stats-load-'));
    // With its write-ahead log, if a server left one (the browser test's is killed).
    for (const file of ['beacon.db', 'beacon.db-wal'])
      if (existsSync(path.join(dir, file))) copyFileSync(path.join(dir, file), path.join(scratch, file));
    const webDist = path.join(scratch, 'web');
    if (!smoke) buildWeb(webDist);
    const server = await startServer(scratch, { WEB_DIST: webDist });
    try {
      const leader = await login(server.base, 'leader', DEMO_PASSWORD);
      // The worker loads its model at start; the first page waits for it.
      rows.push(
        row('stats.http.first_page_after_start_ms', await loadPage(server.base, leader, to - 30 * DAY, to), 'ms', null),
      );
      if (!smoke) {
        // The page in Chromium, the model loaded: from navigation to the headline figures on screen.
        const usable = await timeToVisible(server.base, 'leader', DEMO_PASSWORD, '/stats', KPI_READY, /\d/, 3).catch(
          (e: Error) => {
            console.error(`stats.page_usable: ${e.message.split('\n')[0]}`);
            return 15_000;
          },
        );
        rows.push(row('stats.page_usable_ms', usable, 'ms', PAGE_TARGET_MS));
      }

      await fileReports(server.base, bodyList, size.rate, 2); // warm-up
      // Alone, then with the page refreshing, twice over (half the time each), so neither side gets
      // all of the warm-up or all of the drift of a shared machine.
      const baseline: number[] = [];
      const loaded: number[] = [];
      const pageTimes: number[] = [];
      for (let round = 0; round < 2; round++) {
        baseline.push(...(await fileReports(server.base, bodyList, size.rate, size.seconds / 2)));
        let done = false;
        const page = refreshStats(server.base, leader, to - 30 * DAY, to, () => done);
        loaded.push(...(await fileReports(server.base, bodyList, size.rate, size.seconds / 2)));
        done = true;
        pageTimes.push(...(await page));
      }
      const p99 = percentile(baseline, 99);
      const p99Loaded = percentile(loaded, 99);
      rows.push(
        row('stats.http.page_p50_ms', percentile(pageTimes, 50), 'ms', null),
        row('stats.submit_p99_ms', p99, `ms at ${size.rate}/s`, null),
        row('stats.submit_p99_with_stats_ms', p99Loaded, `ms at ${size.rate}/s`, null),
        row('stats.submit_p99_ratio', p99Loaded / p99, 'x', P99_RATIO_TARGET),
      );
    } finally {
      server.process.kill('SIGKILL');
      rmSync(scratch, { recursive: true, force: true });
    }
    return rows;
  } finally {
    if (smoke) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * ingest.*: how many reports a second the real server takes (POST /api/reports: validation,
 * idempotency, routing, deadline, the insert with its event, the durable commit, the push to 50
 * connected operator dashboards), as a share of what a plain Fastify hello-world route takes on the
 * same machine in the same run under the same load (autocannon, 100 connections, the same seconds).
 *
 * Processes, all on 127.0.0.1: the baseline server (`hello-server.ts`), the real server
 * (`server/main.ts` over a copy of the seeded demo city), the load generator (`cannon.ts`) and the 50
 * dashboards (`sockets.ts`, signed in as `operator`). Every request files a different valid report
 * with its own Idempotency-Key.
 *
 * The server runs without its protections against abuse and overload: per-address and per-device
 * filing limits, sign-in and tracking limits, and load shedding (OVERLOAD_MAX_LAG_MS=0,
 * OVERLOAD_MAX_IN_FLIGHT=0) are off, so what is measured is the work of taking a report, not the
 * 429s and 503s a flood from one address would get.
 *
 * Rows: the baseline's and the server's requests per second and their ratio (target at least 0.20),
 * the POST's p99 under that load, requests that failed, and the share of created reports every
 * dashboard received.
 */
import { DEMO_PASSWORD } from '../seed/load-demo-city';
import {
  cleanUp,
  seedDemoCity,
  sleep,
  startServer,
  stopServer,
  withDb,
  type Sample,
} from '../../server/durability/support';
import type { CannonConfig } from './cannon';
import type { Row } from './run';
import type { CrowdConfig } from './sockets';
import {
  freePort,
  login,
  row,
  rowAtLeast,
  share,
  startChild,
  stopChildren,
  waitFor,
  type BenchChild,
  type ChildMessage,
} from './support';

export const name = 'ingest';

/** The server's settings for every load test: no limits, no shedding (see the header). */
export const UNLIMITED_ENV = {
  REPORT_RATE_LIMIT: '0',
  REPORT_DEVICE_LIMIT: '0',
  TRACK_RATE_LIMIT: '0',
  LOGIN_RATE_LIMIT: '0',
  OVERLOAD_MAX_LAG_MS: '0',
  OVERLOAD_MAX_IN_FLIGHT: '0',
};

/** What `cannon.ts` answers. */
export interface CannonResult extends ChildMessage {
  durationS: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  total: number;
  latencyP99: number;
  statuses: Record<string, number>;
}

/** Runs one autocannon load in its own process. */
export async function cannon(config: CannonConfig): Promise<CannonResult> {
  const child = startChild('cannon.ts');
  try {
    child.send({ type: 'run', ...config });
    return await child.next<CannonResult>('result', config.durationS * 1000 + 60_000);
  } finally {
    await child.stop();
  }
}

/** Opens `dashboards` operator dashboards (and `trackers` tracking sockets) in one helper process. */
export async function crowd(config: CrowdConfig): Promise<BenchChild> {
  const child = startChild('sockets.ts');
  child.send({ type: 'start', ...config });
  const ready = await child.next<ChildMessage & { dashboards: number; trackers: number; failures: string[] }>(
    'ready',
    config.connectTimeoutMs + 30_000,
  );
  if (ready.dashboards < config.dashboards || ready.trackers < config.trackers)
    console.error(
      `sockets: ${ready.dashboards}/${config.dashboards} dashboards, ${ready.trackers}/${config.trackers} trackers up`,
      ready.failures,
    );
  return child;
}

/** Cookies of `sessions` separate sign-ins of the demo operator. */
export async function operatorCookies(base: string, sessions: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < sessions; i++) cookies.push(await login(base, 'operator', DEMO_PASSWORD));
  return cookies;
}

export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const durationS = smoke ? 1 : 10;
  const warmupS = 1;
  const connections = smoke ? 10 : 100;
  const dashboards = smoke ? 5 : 50;
  const port = await freePort(3261, 3279);
  const helloPort = await freePort(3261, 3279, port - 3261 + 1);
  const demo = await seedDemoCity(port);
  const samples: Sample[] = demo.samples;
  const base = `http://127.0.0.1:${port}`;
  const load = { connections, durationS };
  try {
    // The baseline, alone on the machine.
    const hello = startChild('hello-server.ts', [String(helloPort)]);
    let baseline: CannonResult;
    try {
      await waitFor(`http://127.0.0.1:${helloPort}/`, 30_000);
      await cannon({ url: `http://127.0.0.1:${helloPort}`, kind: 'hello', ...load, durationS: warmupS });
      baseline = await cannon({ url: `http://127.0.0.1:${helloPort}`, kind: 'hello', ...load });
    } finally {
      await hello.stop();
    }

    // The real server, warmed up, then the same load with the dashboards watching.
    const dataDir = demo.copy('bench-ingest');
    const server = await startServer(dataDir, port, { env: UNLIMITED_ENV });
    await cannon({ url: base, kind: 'report', samples, seed: 1, tag: 'warmup', ...load, durationS: warmupS });
    const cookies = await operatorCookies(base, 2);
    const sockets = await crowd({
      wsBase: `ws://127.0.0.1:${port}`,
      cookies,
      dashboards,
      trackers: 0,
      codes: [],
      concurrency: 50,
      connectTimeoutMs: 30_000,
      match: '[ingest-',
    });
    const ingest = await cannon({ url: base, kind: 'report', samples, seed: 2, tag: 'ingest', ...load });
    const created = ingest.statuses['201'] ?? 0;
    // autocannon stops counting at the bell, but requests it had sent are still filed: every report of
    // the run that was committed is what each dashboard should receive.
    await sleep(500);
    await stopServer(server);
    const committed = withDb(
      dataDir,
      (db) =>
        (db.prepare(`select count(*) as n from reports where description like '%[ingest-%'`).get() as { n: number }).n,
    );

    // Every dashboard should get every report created under load (the server has drained; the
    // sockets have what they were sent by now, or soon: wait a bounded while).
    type Counts = ChildMessage & { dashboards: number; received: number; minPerDashboard: number };
    let counts: Counts;
    const end = Date.now() + 10_000;
    for (;;) {
      sockets.send({ type: 'counts' });
      counts = await sockets.next<Counts>('counts', 10_000);
      if (counts.minPerDashboard >= committed || Date.now() > end) break;
      await sleep(200);
    }

    const baselineRps = baseline.ok / baseline.durationS;
    const rps = created / ingest.durationS;
    const failed = ingest.total - created + ingest.errors;
    return [
      row('ingest.baseline_rps', baselineRps, 'requests/s', null),
      row('ingest.rps', rps, 'reports/s', null),
      rowAtLeast('ingest.ratio', rps / Math.max(1, baselineRps), '× baseline', 0.2),
      row('ingest.p99_ms', ingest.latencyP99, 'ms', null),
      { ...row('ingest.failed_requests', failed, 'requests', null), target: '= 0', met: failed === 0 },
      share('ingest.push_received_pct', counts.received, committed * dashboards),
    ];
  } finally {
    await stopChildren();
    await cleanUp();
  }
}

/**
 * push.* and memory.*: what the real server's pushes cost and how far they reach.
 *
 * - Latency at a fixed rate: an open-loop load generator (`pacer.ts`) files 1,000 reports a second
 *   for a few seconds while 50 operator dashboards are connected, after a 3-second warm-up at that
 *   rate (its p99 is a row of its own: a server just started is slower). Rows: the POST's p99 (from each
 *   request's scheduled instant to its answer; target ≤ 20 ms), and the p99 over every (report,
 *   dashboard) pair of the time from the client receiving the 201 to that dashboard receiving the
 *   `created` event of its tracking code in a `report:batch` frame (target ≤ 50 ms; both processes
 *   read the same machine clock). The rate achieved (201s a second) is reported too: a server that
 *   cannot keep up shows it.
 * - Fan-out: 1,000 dashboards (raw socket.io clients, `sockets.ts`, over a few processes); one report
 *   filed at a time, repeatedly; the time from its 201 to the last dashboard's receipt (p99 over the
 *   runs; target ≤ 100 ms) and the share of dashboards reached (target 100 %).
 * - Memory: 10,000 idle trackers (anonymous sockets, each following an existing report with
 *   `track:subscribe`) join the 1,000 dashboards; the server's resident set (VmRSS) once they are all
 *   connected and settled (target ≤ 500 MB), and what each tracker adds.
 *
 * The server is `server/main.ts` over a copy of the seeded demo city, on 127.0.0.1, in its own
 * process; the load generators and the sockets live in other processes. Its protections against
 * abuse and overload are off (filing, device, sign-in and tracking limits, and load shedding:
 * OVERLOAD_MAX_LAG_MS=0, OVERLOAD_MAX_IN_FLIGHT=0), so that a measurement sees the work, not 429s
 * and 503s meant for floods from one address.
 */
import {
  cleanUp,
  post,
  reportBody,
  rng,
  seedDemoCity,
  sleep,
  startServer,
  stopServer,
  withDb,
} from '../../server/durability/support';
import { crowd, operatorCookies, UNLIMITED_ENV } from './ingest.bench';
import type { PacerConfig } from './pacer';
import type { Row } from './run';
import {
  epochMs,
  freePort,
  percentile,
  row,
  rssMb,
  share,
  startChild,
  stopChildren,
  type BenchChild,
  type ChildMessage,
} from './support';

export const name = 'push';

interface PacerResult extends ChildMessage {
  sent: number;
  offeredRate: number;
  achievedRate: number;
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  acks: [string, number][];
  scheduleLagMaxMs: number;
}

/** Runs `use` with one load-generator process (`pacer.ts`): its paced runs share its connections. */
async function withPacer<T>(use: (pace: (config: PacerConfig) => Promise<PacerResult>) => Promise<T>): Promise<T> {
  const child = startChild('pacer.ts');
  try {
    return await use(async (config) => {
      child.send({ type: 'run', ...config });
      return child.next<PacerResult>('result', config.durationMs + 90_000);
    });
  } finally {
    await child.stop();
  }
}

const equals = (name: string, value: number, unit: string, target: number): Row => ({
  ...row(name, value, unit, null),
  target: `= ${target}`,
  met: value === target,
});

export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const sizes = smoke
    ? { rate: 50, warmupMs: 500, durationMs: 1000, dashboards: 5, fanout: 6, fanoutRuns: 3, trackers: 20, crowds: 2 }
    : {
        rate: 1000,
        warmupMs: 3000,
        durationMs: 5000,
        dashboards: 50,
        fanout: 1000,
        fanoutRuns: 30,
        trackers: 10_000,
        crowds: 4,
      };
  const port = await freePort(3261, 3279, 9);
  const demo = await seedDemoCity(port);
  const dataDir = demo.copy('bench-push');
  const codes = withDb(dataDir, (db) =>
    (db.prepare('select tracking_code as code from reports').all() as { code: string }[]).map((r) => r.code),
  );
  const base = `http://127.0.0.1:${port}`;
  const wsBase = `ws://127.0.0.1:${port}`;
  const rows: Row[] = [];
  try {
    const server = await startServer(dataDir, port, { env: UNLIMITED_ENV });
    const serverPid = server.pid!;
    const rssIdle = rssMb(serverPid);
    const cookies = await operatorCookies(base, 4);
    const crowdOf = (dashboards: number, trackers = 0) =>
      crowd({ wsBase, cookies, dashboards, trackers, codes, concurrency: 50, connectTimeoutMs: 120_000 });

    // 1. Latency at a fixed rate, 50 dashboards.
    {
      const dashboards = await crowdOf(sizes.dashboards);
      const paced = { base, rate: sizes.rate, samples: demo.samples, maxSockets: 256 };
      // A server just started runs its code cold (V8 has not compiled it yet) and falls behind at this
      // rate for about a second; the target is the steady state, the warm-up's tail is reported apart.
      const [warmup, result] = await withPacer(async (pace) => {
        const first = await pace({ ...paced, durationMs: sizes.warmupMs, seed: 1 });
        dashboards.send({ type: 'record', on: true });
        return [first, await pace({ ...paced, durationMs: sizes.durationMs, seed: 2 })];
      });
      await sleep(1000); // the last pushes
      dashboards.send({ type: 'latencies', acks: result.acks });
      const got = await dashboards.next<ChildMessage & { values: number[]; expected: number }>('latencies', 30_000);
      dashboards.send({ type: 'close' });
      await dashboards.stop();
      const created = result.statuses['201'] ?? 0;
      rows.push(
        row('push.post_p99_ms', percentile(result.latencies, 99), 'ms', 20),
        row('push.post_p50_ms', percentile(result.latencies, 50), 'ms', null),
        row('push.warmup_post_p99_ms', percentile(warmup.latencies, 99), 'ms', null),
        row('push.ack_to_receipt_p99_ms', got.values.length ? percentile(got.values, 99) : Infinity, 'ms', 50),
        row('push.ack_to_receipt_p50_ms', got.values.length ? percentile(got.values, 50) : Infinity, 'ms', null),
        {
          ...row('push.achieved_rps', result.achievedRate, 'reports/s', null),
          // 99 % of the rate asked for, and every request created.
          target: `>= ${sizes.rate * 0.99}`,
          met: result.achievedRate >= sizes.rate * 0.99 && created === result.sent,
        },
        row('push.offered_rps', result.offeredRate, 'requests/s', null),
        // How late the load generator sent its most late request (it keeps the schedule if this is small).
        row('push.pacer_lag_max_ms', result.scheduleLagMaxMs, 'ms', null),
        equals('push.failed_requests', result.sent - created, 'requests', 0),
        share('push.received_pct', got.values.length, got.expected),
      );
    }

    // 2. Fan-out to 1,000 dashboards, one report at a time.
    const perCrowd = Math.ceil(sizes.fanout / sizes.crowds);
    const crowds: BenchChild[] = [];
    for (let i = 0; i < sizes.crowds; i++) crowds.push(await crowdOf(Math.min(perCrowd, sizes.fanout - i * perCrowd)));
    type Counts = ChildMessage & { dashboards: number; trackers: number; unexpectedCloses: number };
    const counts = async () =>
      Promise.all(
        crowds.map((c) => {
          c.send({ type: 'counts' });
          return c.next<Counts>('counts', 30_000);
        }),
      );
    const connected = (await counts()).reduce((a, c) => a + c.dashboards, 0);
    const random = rng(99);
    const fanoutMs: number[] = [];
    // The same from the moment the POST was sent: the server pushes before it answers, so the last
    // receipt often comes before the 201 (a negative figure above).
    const fromSendMs: number[] = [];
    let delivered = 0;
    for (let runNo = 0; runNo < sizes.fanoutRuns; runNo++) {
      const sentAt = epochMs();
      const res = await post(
        base,
        reportBody(demo.samples, random, `fanout-${runNo}`),
        `fanout-${runNo}-${Date.now()}`,
      );
      const { trackingCode } = (await res.json()) as { trackingCode: string };
      const acked = epochMs();
      const waits = await Promise.all(
        crowds.map((c) => {
          c.send({ type: 'wait', code: trackingCode, timeoutMs: 5000 });
          return c.next<ChildMessage & { count: number; last: number }>('wait', 30_000);
        }),
      );
      delivered += waits.reduce((a, w) => a + w.count, 0);
      const last = Math.max(...waits.map((w) => w.last));
      fanoutMs.push(last - acked);
      fromSendMs.push(last - sentAt);
      await sleep(100);
    }
    rows.push(
      row('push.fanout_dashboards', connected, 'sockets', null),
      row('push.fanout_1000_p99_ms', percentile(fanoutMs, 99), 'ms', 100),
      row('push.fanout_1000_p50_ms', percentile(fanoutMs, 50), 'ms', null),
      row('push.fanout_1000_from_send_p99_ms', percentile(fromSendMs, 99), 'ms', null),
      share('push.fanout_1000_delivered_pct', delivered, sizes.fanout * sizes.fanoutRuns),
    );

    // 3. Memory: 10,000 idle trackers join the 1,000 dashboards.
    await sleep(2000);
    const rssDashboards = rssMb(serverPid);
    const perTrackerCrowd = Math.ceil(sizes.trackers / sizes.crowds);
    const trackerCrowds: BenchChild[] = [];
    for (let i = 0; i < sizes.crowds; i++) {
      const trackers = Math.min(perTrackerCrowd, sizes.trackers - i * perTrackerCrowd);
      trackerCrowds.push(await crowdOf(0, trackers));
    }
    await sleep(smoke ? 1000 : 5000); // settled
    const rssAll = rssMb(serverPid);
    const trackerCounts = await Promise.all(
      trackerCrowds.map((c) => {
        c.send({ type: 'counts' });
        return c.next<Counts>('counts', 30_000);
      }),
    );
    const trackersUp = trackerCounts.reduce((a, c) => a + c.trackers, 0);
    const dashboardsStill = (await counts()).reduce((a, c) => a + c.dashboards - c.unexpectedCloses, 0);
    rows.push(
      row('memory.server_rss_mb', rssAll, 'MB', 500),
      row('memory.server_rss_idle_mb', rssIdle, 'MB', null),
      row('memory.server_rss_dashboards_mb', rssDashboards, 'MB', null),
      row('memory.per_tracker_kb', ((rssAll - rssDashboards) * 1024) / Math.max(1, trackersUp), 'kB', null),
      equals('memory.trackers', trackersUp, 'sockets', sizes.trackers),
      equals('memory.dashboards', dashboardsStill, 'sockets', sizes.fanout),
    );
    await stopServer(server);
    return rows;
  } finally {
    await stopChildren();
    await cleanUp();
  }
}

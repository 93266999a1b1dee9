/**
 * overload.*: the real server (demo city, production settings but no per-client filing limit) first
 * under what it sustains (four clients filing one report after another), then under an open-loop
 * flood at five times that rate (requests sent on a clock, whatever the answers), then idle again.
 * Rows: the sustainable rate; the flood's offered rate, goodput (201/s), share shed (503 with
 * Retry-After), answers' p50/p99, requests left unanswered (target 0: shedding, not collapsing); and
 * how long after the flood a report is accepted again.
 */
import { randomUUID } from 'node:crypto';
import { freePort, percentile } from './support';
import {
  cleanUp,
  post,
  reportBody,
  rng,
  seedDemoCity,
  sleep,
  startServer,
  stopServer,
} from '../../server/durability/support';
import type { Row } from './run';

export const name = 'overload';

const row = (n: string, value: number, unit: string, target: string | null, met: boolean | null): Row => ({
  name: `overload.${n}`,
  value: Math.round(value * 10) / 10,
  unit,
  target,
  met,
});

export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const steadyMs = smoke ? 1500 : 5000;
  const floodMs = smoke ? 1500 : 5000;
  const port = await freePort(3251, 3259);
  const demo = await seedDemoCity(port);
  const dataDir = demo.copy('bench-overload');
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dataDir, port);
  const random = rng(4242);
  const body = () => reportBody(demo.samples, random, randomUUID());
  try {
    // Sustainable: four clients, one request at a time each.
    const steadyLatency: number[] = [];
    let steadyOk = 0;
    const steadyEnd = Date.now() + steadyMs;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < steadyEnd) {
          const t0 = performance.now();
          const res = await post(base, body(), randomUUID(), 30_000);
          await res.arrayBuffer();
          steadyLatency.push(performance.now() - t0);
          if (res.status === 201) steadyOk++;
        }
      }),
    );
    const sustainable = steadyOk / (steadyMs / 1000);

    // The flood: five times that, open loop.
    const offeredRate = sustainable * 5;
    const gapMs = 1000 / offeredRate;
    const answers: { status: number; ms: number; retryAfter: boolean }[] = [];
    let unanswered = 0;
    const inFlight: Promise<void>[] = [];
    const floodStart = performance.now();
    for (let i = 0; performance.now() - floodStart < floodMs; i++) {
      const due = floodStart + i * gapMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const t0 = performance.now();
      inFlight.push(
        post(base, body(), randomUUID(), 30_000).then(
          async (res) => {
            await res.arrayBuffer();
            answers.push({
              status: res.status,
              ms: performance.now() - t0,
              retryAfter: res.headers.has('retry-after'),
            });
          },
          () => {
            unanswered++;
          },
        ),
      );
    }
    const sentMs = performance.now() - floodStart;
    const offered = inFlight.length / (sentMs / 1000);
    await Promise.all(inFlight);
    const floodEnd = performance.now();
    const created = answers.filter((a) => a.status === 201);
    const shed = answers.filter((a) => a.status === 503);
    const other = answers.length - created.length - shed.length;

    // Recovery: how soon after the flood's last answer a report is accepted.
    let recoveryMs = 0;
    for (;;) {
      const res = await post(base, body(), randomUUID(), 30_000);
      await res.arrayBuffer();
      if (res.status === 201) break;
      await sleep(50);
      recoveryMs = performance.now() - floodEnd;
      if (recoveryMs > 60_000) break;
    }

    const all = answers.map((a) => a.ms);
    return [
      row('sustainable_per_s', sustainable, 'reports/s', null, null),
      row('steady_p99_ms', percentile(steadyLatency, 99), 'ms', null, null),
      row('flood_offered_per_s', offered, 'requests/s', null, null),
      row('flood_goodput_per_s', created.length / ((floodEnd - floodStart) / 1000), 'reports/s', null, null),
      row('flood_shed_pct', (100 * shed.length) / Math.max(1, answers.length), '%', null, null),
      row(
        'flood_shed_with_retry_after_pct',
        (100 * shed.filter((a) => a.retryAfter).length) / Math.max(1, shed.length),
        '%',
        '= 100',
        shed.every((a) => a.retryAfter),
      ),
      row('flood_answer_p50_ms', percentile(all, 50), 'ms', null, null),
      row('flood_answer_p99_ms', percentile(all, 99), 'ms', null, null),
      row('flood_unanswered', unanswered + other, 'requests', '= 0', unanswered + other === 0),
      row('recovery_ms', recoveryMs, 'ms', '≤ 5000', recoveryMs <= 5000),
    ];
  } finally {
    await stopServer(server);
    await cleanUp();
  }
}

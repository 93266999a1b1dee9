/**
 * Issue 8, item 2, "Graceful shutdown and overload": the real server in its own process.
 * (a) SIGTERM while clients file reports (some with photos, which take a while): requests already
 *     running finish, every answer is 201 or 503 with Retry-After, every 201 is stored and nothing
 *     answered 503 or cut is, and the process exits 0 on its own (before its shutdown deadline).
 * (b) Far more clients than the server can serve at once: it sheds with 503 and Retry-After instead of
 *     letting every request queue until clients time out; each 201 is stored; when the load stops it
 *     serves at once again.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, percentile } from '../../scripts/bench/support';
import { multipart } from '../test/multipart';
import {
  cleanUp,
  exited,
  post,
  reportBody,
  reportsByMarker,
  rng,
  seedDemoCity,
  sleep,
  startServer,
  stopServer,
  type DemoCity,
} from './support';

const SEED = Number(process.env.SHUTDOWN_SEED ?? 20_251_204);

let demo: DemoCity;
let photo: Buffer;
beforeAll(async () => {
  demo = await seedDemoCity(await freePort(3241, 3249));
  // A large phone photo: resizing it keeps a request running for a noticeable while.
  photo = await sharp({
    create: {
      width: 3000,
      height: 2250,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}, 120_000);
afterAll(cleanUp, 15_000);

/** One request's fate. */
interface Outcome {
  key: string;
  marker: string;
  startedAt: number;
  endedAt: number;
  status: number | null;
  /** The network error when there was no answer. */
  error?: string;
  retryAfter: string | null;
  trackingCode?: string;
}

/** Files one report (JSON, or multipart with the big photo) and records what happened. */
async function file(base: string, marker: string, random: () => number, withPhoto: boolean, timeoutMs: number) {
  const key = randomUUID();
  const payload = reportBody(demo.samples, random, marker);
  const startedAt = Date.now();
  const outcome: Outcome = { key, marker, startedAt, endedAt: 0, status: null, retryAfter: null };
  try {
    let res: Response;
    if (withPhoto) {
      const attributes = Object.fromEntries(
        Object.entries(payload.attributes).map(([k, v]) => [`attributes.${k}`, String(v)]),
      );
      const form = multipart(
        {
          categoryCode: payload.categoryCode,
          lat: String(payload.lat),
          lng: String(payload.lng),
          description: payload.description,
          ...attributes,
        },
        [{ field: 'photos', name: 'anh.jpg', type: 'image/jpeg', bytes: photo }],
      );
      res = await fetch(`${base}/api/reports`, {
        method: 'POST',
        headers: { ...form.headers, 'idempotency-key': key },
        body: form.payload,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } else res = await post(base, payload, key, timeoutMs);
    outcome.status = res.status;
    outcome.retryAfter = res.headers.get('retry-after');
    const answer = (await res.json()) as { trackingCode?: string; code?: string };
    outcome.trackingCode = answer.trackingCode;
  } catch (e) {
    outcome.error =
      e instanceof Error ? `${e.name}: ${(e.cause as Error | undefined)?.message ?? e.message}` : String(e);
  }
  outcome.endedAt = Date.now();
  return outcome;
}

describe('graceful shutdown', () => {
  it('finishes running requests at SIGTERM, answers 201 or 503, stores every 201 and exits 0', async () => {
    const dataDir = demo.copy('shutdown');
    const port = await freePort(3241, 3249);
    const base = `http://127.0.0.1:${port}`;
    const logs: string[] = [];
    const server = await startServer(dataDir, port, { env: { LOG_LEVEL: 'info' }, captureStdout: logs });
    const exit = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

    const outcomes: Outcome[] = [];
    let sigtermAt = Infinity;
    const run = `term${SEED}`;
    /** A client files one report after another until the server is gone. */
    async function client(c: number) {
      const random = rng(SEED * 17 + c);
      for (let n = 0; !exited(server); n++) {
        const o = await file(base, `${run}-c${c}-n${n}`, random, c % 3 === 0, 15_000);
        outcomes.push(o);
        if (o.status === null) await sleep(20); // refused: the server stopped listening
      }
    }
    const clients = Array.from({ length: 9 }, (_, c) => client(c));
    // Wait until photos are being processed, then ask the server to stop.
    while (outcomes.filter((o) => o.status === 201).length < 30) await sleep(20);
    await sleep(100);
    sigtermAt = Date.now();
    server.kill('SIGTERM');
    const code = await exit;
    const exitedAt = Date.now();
    await Promise.all(clients);

    const answered = outcomes.filter((o) => o.status !== null);
    const created = answered.filter((o) => o.status === 201);
    const shed = answered.filter((o) => o.status === 503);
    const cut = outcomes.filter((o) => o.status === null);
    // Requests running when the signal came, and answered after it.
    const finishedAfterSignal = created.filter((o) => o.startedAt < sigtermAt && o.endedAt > sigtermAt);
    console.info(
      `shutdown: exit ${code} after ${exitedAt - sigtermAt} ms; ${created.length} × 201 ` +
        `(${finishedAfterSignal.length} running at SIGTERM), ${shed.length} × 503, ${cut.length} without answer ` +
        `(${[...new Set(cut.map((o) => o.error))].join('; ')})`,
    );

    // It stopped on its own, cleanly, and said so.
    expect(code).toBe(0);
    expect(logs.some((l) => l.includes('"Shut down"'))).toBe(true);
    // Requests in flight at the signal were finished, not dropped.
    expect(finishedAfterSignal.length).toBeGreaterThan(0);
    // Every answer is 201 or 503; every 503 says when to come back.
    expect(answered.filter((o) => o.status !== 201 && o.status !== 503).map((o) => o.status)).toEqual([]);
    for (const o of shed) expect(Number(o.retryAfter)).toBeGreaterThan(0);
    // A request without an answer never reached a handler after the server closed: it was refused.
    for (const o of cut) expect(o.endedAt > sigtermAt || o.startedAt > sigtermAt).toBe(true);

    // The database: each 201 once, under its code; nothing for a 503 or an unanswered request.
    const stored = reportsByMarker(dataDir, `%[${run}-%`);
    const wrong = created
      .filter((o) => (stored.get(o.marker) ?? []).join() !== o.trackingCode)
      .map((o) => `${o.marker}: answered ${o.trackingCode}, stored [${(stored.get(o.marker) ?? []).join()}]`);
    expect(wrong).toEqual([]);
    expect([...shed, ...cut].filter((o) => stored.has(o.marker)).map((o) => o.marker)).toEqual([]);
    expect(stored.size).toBe(created.length);
  }, 60_000);
});

describe('overload', () => {
  it('sheds with 503 and Retry-After under far more load than it can serve, and recovers at once', async () => {
    const dataDir = demo.copy('overload');
    const port = await freePort(3241, 3249);
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(dataDir, port, { env: { OVERLOAD_MAX_LAG_MS: '300' } });
    try {
      const run = `load${SEED}`;
      const random = rng(SEED + 3);
      // What it sustains: two clients, one request at a time each, for two seconds.
      const steady: Outcome[] = [];
      const steadyEnd = Date.now() + 2000;
      await Promise.all(
        [0, 1].map(async (c) => {
          for (let n = 0; Date.now() < steadyEnd; n++)
            steady.push(await file(base, `${run}-s${c}-${n}`, random, false, 10_000));
        }),
      );
      // (On a machine busy with other work the lag check may already shed a few.)
      expect(steady.filter((o) => o.status !== 201 && o.status !== 503)).toEqual([]);
      const sustainable = steady.filter((o) => o.status === 201).length / 2;

      // Far more: 300 clients, each sending again 20 ms after any answer (ignoring Retry-After, as an
      // attacker or a stampede would), a quarter of them with a big photo, for four seconds.
      const flood: Outcome[] = [];
      const floodEnd = Date.now() + 4000;
      await Promise.all(
        Array.from({ length: 300 }, async (_, c) => {
          for (let n = 0; Date.now() < floodEnd; n++) {
            flood.push(await file(base, `${run}-f${c}-${n}`, random, c % 4 === 0, 30_000));
            await sleep(20);
          }
        }),
      );
      const created = flood.filter((o) => o.status === 201);
      const shed = flood.filter((o) => o.status === 503);
      const latencies = flood.filter((o) => o.status !== null).map((o) => o.endedAt - o.startedAt);
      console.info(
        `overload: sustainable ≈ ${sustainable.toFixed(0)} reports/s with 2 clients; flood of 300 clients: ` +
          `${flood.length} requests, ${created.length} × 201, ${shed.length} × 503, ` +
          `${flood.filter((o) => o.status === null).length} unanswered; answer p50 ${percentile(latencies, 50)} ms, ` +
          `p99 ${percentile(latencies, 99)} ms`,
      );

      // It shed, each refusal saying when to retry, and answered everyone (no timeouts, no other errors).
      expect(shed.length).toBeGreaterThan(0);
      for (const o of shed) expect(Number(o.retryAfter)).toBeGreaterThan(0);
      expect(flood.filter((o) => o.status === null).map((o) => o.error)).toEqual([]);
      expect(flood.filter((o) => o.status !== 201 && o.status !== 503).map((o) => o.status)).toEqual([]);
      // And it kept working while shedding.
      expect(created.length).toBeGreaterThan(0);

      // Recovery: once the flood stops, reports are served again (a client that is told to wait a
      // moment tries again, as the app does; none needs more than a few tries).
      await sleep(500);
      const after: Outcome[] = [];
      for (let n = 0; n < 10; n++) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          const o = await file(base, `${run}-a-${n}-${attempt}`, random, n === 0, 10_000);
          after.push(o);
          if (o.status !== 503) break;
          await sleep(300);
        }
      }
      expect(after.filter((o) => o.status !== 503).map((o) => o.status)).toEqual(Array(10).fill(201));

      await stopServer(server);
      const stored = reportsByMarker(dataDir, `%[${run}-%`);
      const all = [...steady, ...flood, ...after];
      const createdAll = all.filter((o) => o.status === 201);
      expect(createdAll.filter((o) => (stored.get(o.marker) ?? []).join() !== o.trackingCode)).toEqual([]);
      expect(all.filter((o) => o.status === 503 && stored.has(o.marker))).toEqual([]);
      expect(stored.size).toBe(createdAll.length);
    } finally {
      await stopServer(server, 'SIGKILL');
    }
  }, 90_000);
});

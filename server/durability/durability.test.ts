/**
 * Issue 8, item 1, "Durability": the real server in its own process.
 * (a) Four clients file reports while the server is killed (SIGKILL) at random moments five times and
 *     restarted on the same data folder; every report answered 201 is in the database exactly once.
 * (b) Twenty identical requests with one Idempotency-Key at the same moment make one report; the same
 *     key with another body is refused (422).
 * (c) Under strace, every commit of a filed report fsyncs the WAL (synchronous=FULL reaches the disk).
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/bench/support';
import {
  cleanUp,
  post,
  reportBody,
  rng,
  seedDemoCity,
  sleep,
  startServer,
  stopServer,
  temporary,
  withDb,
  type DemoCity,
} from './support';

/** Seed of every random choice; set DURABILITY_SEED to repeat or vary a run. */
const SEED = Number(process.env.DURABILITY_SEED ?? 20_251_203);
const CLIENTS = 4;
const KILLS = 5;
const SEQUENTIAL_REPORTS = 30;

let demo: DemoCity;
beforeAll(async () => {
  demo = await seedDemoCity(await freePort(3181, 3189));
}, 120_000);
afterAll(cleanUp, 15_000);

const copyOfDemo = (name: string) => demo.copy(`durability-${name}`);
const body = (random: () => number, marker: string) => reportBody(demo.samples, random, marker);

describe('durability', () => {
  it('keeps every report answered 201, once each, across five SIGKILLs while four clients file', async () => {
    expect(demo.samples.length).toBeGreaterThan(10);
    const dataDir = copyOfDemo('kill');
    const port = await freePort(3181, 3189);
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(dataDir, port);

    const t0 = Date.now();
    const deadline = t0 + 45_000;
    const run = `run${SEED}`;
    interface Answer {
      key: string;
      marker: string;
      trackingCode: string;
      attempts: number;
      replayed: boolean;
    }
    const answered: Answer[] = [];
    const unanswered: string[] = [];
    const refused: string[] = [];
    let retries = 0;
    let filing = true;

    /** One client: files reports one after another; a failed attempt is retried with the same key. */
    async function client(c: number): Promise<void> {
      const random = rng(SEED * 31 + c);
      for (let n = 0; filing; n++) {
        const marker = `${run}-c${c}-n${n}`;
        const key = randomUUID();
        const payload = body(random, marker);
        for (let attempt = 1; ; attempt++) {
          let res: Response | null = null;
          try {
            res = await post(base, payload, key);
          } catch {
            // refused or cut: the server is down or restarting
          }
          if (res && res.status < 500) {
            if (res.status === 201) {
              const { trackingCode } = (await res.json()) as { trackingCode: string };
              answered.push({
                key,
                marker,
                trackingCode,
                attempts: attempt,
                replayed: res.headers.get('idempotent-replayed') === 'true',
              });
            } else refused.push(`${marker}: ${res.status} ${await res.text()}`);
            break;
          }
          if (Date.now() > deadline) {
            unanswered.push(marker);
            return;
          }
          retries++;
          await sleep(50 + random() * 100);
        }
      }
    }

    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    const killRandom = rng(SEED + 7);
    let kills = 0;
    try {
      for (let k = 0; k < KILLS; k++) {
        // Let the clients file for a random while (the server is up), then kill it mid-stride.
        await sleep(200 + killRandom() * 1300);
        await stopServer(server, 'SIGKILL');
        kills++;
        await sleep(killRandom() * 300);
        server = await startServer(dataDir, port);
      }
      await sleep(500);
    } finally {
      filing = false;
      await Promise.all(clients);
    }
    await stopServer(server);

    // The database as the last server left it: each answered report once, by marker and by code.
    const found = withDb(dataDir, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db
        .prepare(`select tracking_code as code, description from reports where description like ?`)
        .all(`%[${run}-%`) as { code: string; description: string }[];
      const keys = db
        .prepare(`select count(*) as n from idempotency_keys where key in (select value from json_each(?))`)
        .get(JSON.stringify(answered.map((a) => a.key))) as { n: number };
      return { rows, keys: keys.n };
    });
    const byMarker = new Map<string, string[]>();
    for (const r of found.rows) {
      const marker = /\[(.*?)\]/.exec(r.description)![1]!;
      byMarker.set(marker, [...(byMarker.get(marker) ?? []), r.code]);
    }
    const replays = answered.filter((a) => a.replayed).length;
    console.info(
      `durability: ${answered.length} answered over ${kills} kills, ${retries} retries, ` +
        `${replays} answered by replay, ${found.rows.length} rows, ${Date.now() - t0} ms`,
    );

    // The scenario really happened.
    expect(kills).toBe(KILLS);
    expect(unanswered).toEqual([]);
    expect(refused).toEqual([]);
    expect(retries).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(50);

    // Every 201 is there exactly once, under the code it was answered with.
    const wrong = answered
      .filter((a) => (byMarker.get(a.marker) ?? []).join() !== a.trackingCode)
      .map((a) => `${a.marker}: answered ${a.trackingCode}, database has [${(byMarker.get(a.marker) ?? []).join()}]`);
    expect(wrong).toEqual([]);
    const codes = new Set(answered.map((a) => a.trackingCode));
    expect(codes.size).toBe(answered.length);
    // And nothing else: no report without an answer (every request got one), one key row per report.
    expect(found.rows.length).toBe(answered.length);
    expect(found.keys).toBe(answered.length);
  }, 60_000);

  it('makes one report of twenty concurrent requests with one Idempotency-Key, and refuses another body', async () => {
    const dataDir = copyOfDemo('idem');
    const port = await freePort(3181, 3189);
    const base = `http://127.0.0.1:${port}`;
    const server = await startServer(dataDir, port);
    try {
      const key = randomUUID();
      const marker = `idem-${SEED}`;
      const payload = body(rng(SEED + 11), marker);
      const answers = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const res = await post(base, payload, key, 15_000);
          return {
            status: res.status,
            replayed: res.headers.get('idempotent-replayed') === 'true',
            code: ((await res.json()) as { trackingCode?: string }).trackingCode,
          };
        }),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
      const codes = new Set(answers.map((a) => a.code));
      expect(codes.size).toBe(1);
      expect([...codes][0]).toMatch(/^TH-/);
      expect(answers.filter((a) => !a.replayed)).toHaveLength(1);

      // The same key with another body: refused, and still one report.
      const other = await post(base, { ...payload, description: `${payload.description} (khác)` }, key);
      expect(other.status).toBe(422);
      // A later retry of the original still names the same report.
      const again = await post(base, payload, key);
      expect(again.status).toBe(201);
      expect(((await again.json()) as { trackingCode: string }).trackingCode).toBe([...codes][0]);

      await stopServer(server);
      const rows = withDb(dataDir, (db) =>
        db.prepare(`select tracking_code as code from reports where description like ?`).all(`%[${marker}]%`),
      ) as { code: string }[];
      expect(rows.map((r) => r.code)).toEqual([...codes]);
    } finally {
      await stopServer(server, 'SIGKILL');
    }
  }, 60_000);

  const hasStrace = spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
  if (!hasStrace) console.warn('durability: strace is not installed (apt-get install strace): fsync test skipped');

  it.skipIf(!hasStrace)(
    `fsyncs the WAL at least once per committed report (${SEQUENTIAL_REPORTS} reports, under strace)`,
    async () => {
      const dataDir = copyOfDemo('fsync');
      const traceFile = path.join(temporary('strace'), 'fsync.strace');

      const port = await freePort(3181, 3189);
      const base = `http://127.0.0.1:${port}`;
      const server = await startServer(dataDir, port, { straceOut: traceFile });
      let from = 0;
      let to = 0;
      const codes: string[] = [];
      try {
        await sleep(300); // the start's own writes are done
        const random = rng(SEED + 13);
        from = Date.now() / 1000;
        for (let n = 0; n < SEQUENTIAL_REPORTS; n++) {
          const res = await post(base, body(random, `fsync-${SEED}-${n}`), randomUUID());
          expect(res.status).toBe(201);
          codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
        }
        to = Date.now() / 1000;
      } finally {
        // Closing flushes strace's output (and the checkpoint's fsyncs fall after the window).
        await stopServer(server);
      }
      expect(existsSync(traceFile)).toBe(true);
      // Lines like `1234 1733216000.123456 fdatasync(23</tmp/.../beacon.db-wal>) = 0`.
      const syncs = readFileSync(traceFile, 'utf8')
        .split('\n')
        .map((line) => /^(?:\d+\s+)?(\d+\.\d+)\s+(fsync|fdatasync)\(\d+<([^>]*)>\)\s+=\s+0/.exec(line))
        .filter((m) => m !== null)
        .map((m) => ({ at: Number(m[1]), path: m[3]! }));
      const wal = path.join(dataDir, 'beacon.db-wal');
      const inWindow = syncs.filter((s) => s.at >= from && s.at <= to);
      const walInWindow = inWindow.filter((s) => s.path.endsWith('beacon.db-wal'));
      console.info(
        `durability: ${SEQUENTIAL_REPORTS} reports, ${walInWindow.length} WAL syncs of ${inWindow.length} in the window, ` +
          `${syncs.length} syncs traced in all`,
      );
      expect(codes).toHaveLength(SEQUENTIAL_REPORTS);
      // Attributable: the WAL of this data folder, synced while (and only while) the reports were filed.
      expect(
        walInWindow.every((s) => s.path === wal || s.path.endsWith(`${path.basename(dataDir)}/beacon.db-wal`)),
      ).toBe(true);
      expect(walInWindow.length).toBeGreaterThanOrEqual(SEQUENTIAL_REPORTS);
    },
    60_000,
  );
});

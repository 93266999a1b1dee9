/**
 * Issue 8, item 4, "Realtime never misses": the real server in its own process, an operator's socket
 * dropped at random moments and the server restarted once (SIGTERM, then a new process on the same
 * database file) while reports are filed and dispatched over HTTP. At the end the client must hold
 * every event after its snapshot, in order, once each, exactly as the database has them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, login } from '../../scripts/bench/support';
import { Rng } from '../../scripts/seed/random';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import type { CreateReportResult, ReportList } from '../../shared/schemas/reports';
import { openDatabase } from '../db/client';

/** Seed of every random choice; set NEVER_MISSES_SEED to repeat or vary a run. */
const SEED = Number(process.env.NEVER_MISSES_SEED ?? 20_251_208);
const REPORTS = 150;
/** One filing started every this many ms: 150 over ~15 s. */
const FILE_EVERY_MS = 100;
const DROPS = 6;
/** When the server is killed, counted from the first filing. */
const RESTART_AT_MS = 7000;
/**
 * How long it stays down: longer than the web client's one reconnection attempt after the server
 * closed the connection (1-3 s), so socket.io's own retries have to bring it back.
 */
const DOWN_MS = 3500;
/** Nothing (filing retries, reconnecting, catching up) may go on past this, from the first filing. */
const RUN_BUDGET_MS = 40_000;

/** Uniform numbers in [0, 1) from the project's seeded generator, so a failing run can be repeated. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(20);
  }
}

// --- the server process -------------------------------------------------------------------------

const processes: ChildProcess[] = [];

/** Starts `server/main.ts` over `dataDir` and waits for /api/health; fails fast if it exits. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'error',
      // Files a burst of reports from one address.
      REPORT_RATE_LIMIT: '0',
      TRACK_RATE_LIMIT: '0',
      // Not about overload (tested on its own): a busy test machine must not shed these requests.
      OVERLOAD_MAX_LAG_MS: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  processes.push(child);
  const end = Date.now() + 25_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('server did not answer /api/health within 25 s');
    await sleep(100);
  }
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
async function stopServer(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

// --- the operator's feed, as web/realtime/socket.ts and useStaffFeed.ts run it ---------------------

interface Seen {
  name: 'report:created' | 'report:updated';
  eventId: number;
  reportId: number;
}

/**
 * A staff feed: starts from an HTTP snapshot's `lastEventId`, hands the highest id applied to the
 * server at every (re)connection through the `auth` callback, and comes back by itself after the
 * server closed the connection (socket.io does not), as the web client does. It records every event
 * as it arrives, duplicates included, so the test can see them.
 */
class Feed {
  readonly seen: Seen[] = [];
  readonly resyncs: number[] = [];
  connects = 0;
  private closed = false;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    base: string,
    cookie: string,
    public lastEventId: number,
    random: () => number,
  ) {
    this.socket = connect(base, {
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      extraHeaders: { cookie },
      auth: (cb) => cb({ lastEventId: this.lastEventId }),
      forceNew: true,
      autoConnect: false,
    });
    this.socket.on('report:batch', ({ events }) => {
      for (const e of events) {
        const name = e.kind === 'created' ? 'report:created' : 'report:updated';
        this.seen.push({ name, eventId: e.eventId, reportId: e.report.id });
        // web/realtime/feed.ts applyEvent: only a greater id moves the feed on.
        if (e.eventId > this.lastEventId) this.lastEventId = e.eventId;
      }
    });
    this.socket.on('feed:resync', (p) => this.resyncs.push(p.lastEventId));
    this.socket.on('connect', () => this.connects++);
    this.socket.on('disconnect', (reason) => {
      if (reason !== 'io server disconnect') return;
      setTimeout(
        () => {
          if (!this.closed && !this.socket.connected) this.socket.connect();
        },
        1000 + random() * 2000,
      );
    });
    this.socket.connect();
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }
}

// --- the test -------------------------------------------------------------------------------------

let dataDir: string;
let port: number;
let base: string;
let server: ChildProcess;
let feed: Feed | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'beacon-never-misses-'));
  port = await freePort(3150, 3170, Math.floor(rng(SEED + 1)() * 21));
  base = `http://127.0.0.1:${port}`;
  server = await startServer(dataDir, port);
}, 30_000);

afterAll(async () => {
  feed?.close();
  await Promise.all(processes.map((p) => stopServer(p, 3000)));
  rmSync(dataDir, { recursive: true, force: true });
}, 15_000);

describe('realtime never misses', () => {
  it('delivers every event to an operator whose socket drops and whose server restarts, in order, once each', async () => {
    const dbFile = path.join(dataDir, 'beacon.db');
    const readonlyDb = () => openDatabase(dbFile, { readonly: true });

    // Valid bodies from the demo city itself: its reports' categories, points and answers.
    const ro = readonlyDb();
    const samples = ro.$client
      .prepare(
        `select category_code as categoryCode, lat, lng, attributes from reports
         where lat is not null and duplicate_of_id is null order by id limit 40`,
      )
      .all() as { categoryCode: string; lat: number; lng: number; attributes: string }[];
    const unitIds = (
      ro.$client.prepare(`select id from units where kind <> 'ioc' and active = 1 order by id`).all() as {
        id: number;
      }[]
    ).map((u) => u.id);
    ro.$client.close();
    expect(samples.length).toBeGreaterThan(10);
    expect(unitIds.length).toBeGreaterThan(0);

    const cookie = await login(base, 'operator', 'demo-city-2025');
    const snapshot = (await (await fetch(`${base}/api/reports?limit=1`, { headers: { cookie } })).json()) as ReportList;
    const start = snapshot.lastEventId;
    feed = new Feed(base, cookie, start, rng(SEED + 2));
    await until(() => feed!.socket.connected, 5000, 'first connection');

    const t0 = Date.now();
    const deadline = t0 + RUN_BUDGET_MS;
    let serverDown = false;

    let retries = 0;
    /** A request retried (same body, same Idempotency-Key) while the server does not answer. */
    async function send(url: string, body: object, headers: Record<string, string> = {}): Promise<Response | null> {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) retries++;
        try {
          const res = await fetch(`${base}${url}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5000),
          });
          if (res.status < 500) return res;
        } catch {
          // refused or cut: the server is down or restarting
        }
        if (Date.now() > deadline) return null;
        await sleep(150);
      }
    }

    const created: CreateReportResult[] = [];
    const refused: string[] = [];
    async function fileOne(i: number): Promise<void> {
      const r = rng(SEED * 31 + i);
      const sample = samples[Math.floor(r() * samples.length)]!;
      const body = {
        categoryCode: sample.categoryCode,
        lat: sample.lat + (r() - 0.5) * 2e-4,
        lng: sample.lng + (r() - 0.5) * 2e-4,
        description: `Báo cáo kiểm thử số ${i}: sự cố cần xử lý`,
        attributes: JSON.parse(sample.attributes) as object,
      };
      const res = await send('/api/reports', body, { 'idempotency-key': randomUUID() });
      if (!res) return;
      if (res.status !== 201) {
        refused.push(`${res.status} ${await res.text()}`);
        return;
      }
      const report = (await res.json()) as CreateReportResult;
      created.push(report);
      if (report.status !== 'received') return;
      // Some of them the operator acts on at once: dispatch (most) or reject.
      const roll = r();
      const action =
        roll < 0.35
          ? {
              action: 'dispatch',
              version: 0,
              unitId: report.unit && unitIds.includes(report.unit.id) ? report.unit.id : unitIds[i % unitIds.length],
            }
          : roll < 0.45
            ? { action: 'reject', version: 0, reason: 'Không đủ thông tin để xử lý' }
            : null;
      // A retry after a lost answer gets a 409 (already done): fine, the event is in the database.
      if (action) await send(`/api/reports/${report.id}/transitions`, action, { cookie });
    }

    const filings: Promise<void>[] = [];
    const filing = (async () => {
      for (let i = 0; i < REPORTS; i++) {
        filings.push(fileOne(i));
        await sleep(Math.max(0, t0 + (i + 1) * FILE_EVERY_MS - Date.now()));
      }
    })();

    // The client drops at random moments: the network goes (socket.io comes back by itself), or the
    // page drops the socket and reconnects a few hundred ms later.
    const dropRandom = rng(SEED + 3);
    const drops = Array.from({ length: DROPS }, () => ({
      at: 500 + dropRandom() * 14_000,
      kind: dropRandom() < 0.5 ? ('network' as const) : ('pause' as const),
      pauseMs: 100 + Math.floor(dropRandom() * 600),
    })).sort((a, b) => a.at - b.at);
    let dropped = 0;
    const dropping = (async () => {
      for (const drop of drops) {
        await sleep(Math.max(0, t0 + drop.at - Date.now()));
        await until(() => feed!.socket.connected, 15_000, 'connected before a drop');
        dropped++;
        if (drop.kind === 'network') {
          feed!.socket.io.engine.close();
        } else {
          feed!.socket.disconnect();
          await sleep(drop.pauseMs);
          feed!.socket.connect();
        }
      }
    })();

    const restarting = (async () => {
      await sleep(Math.max(0, t0 + RESTART_AT_MS - Date.now()));
      serverDown = true;
      await stopServer(server);
      await sleep(DOWN_MS);
      server = await startServer(dataDir, port);
      serverDown = false;
    })();

    await Promise.all([filing, dropping, restarting]);
    await Promise.all(filings);
    expect(serverDown).toBe(false);

    // Caught up: connected, and the highest id applied is the database's newest event.
    const eventsAfterStart = () => {
      const db = readonlyDb();
      try {
        return db.$client
          .prepare('select id, report_id as reportId, type from report_events where id > ? order by id')
          .all(start) as { id: number; reportId: number; type: string }[];
      } finally {
        db.$client.close();
      }
    };
    await until(
      () => feed!.socket.connected && feed!.lastEventId >= (eventsAfterStart().at(-1)?.id ?? 0),
      Math.max(3000, deadline - Date.now()),
      'client caught up with the database',
    );
    await sleep(300); // time for a stray duplicate to show up
    const expected = eventsAfterStart();
    const received = feed.seen.map((e) => e.eventId);
    console.info(
      `never-misses: ${created.length} filed (${retries} retries), ${expected.length} events, ` +
        `${dropped} drops, ${feed.connects} connections, ${Date.now() - t0} ms`,
    );

    // The scenario really happened.
    expect(refused).toEqual([]);
    expect(created.length).toBe(REPORTS);
    expect(retries).toBeGreaterThan(0); // some requests met the server down
    expect(dropped).toBe(DROPS);
    // The first, then one per drop (a drop may overlap the restart, so that one need not add another).
    expect(feed.connects).toBeGreaterThanOrEqual(DROPS + 1);
    for (const type of ['created', 'dispatch', 'reject']) expect(expected.some((e) => e.type === type)).toBe(true);
    expect(feed.resyncs).toEqual([]);

    // Every event after the snapshot, in order, once each, none missing.
    const notIncreasing = received.filter((id, k) => k > 0 && id <= received[k - 1]!);
    expect(notIncreasing, 'event ids repeated or out of order').toEqual([]);
    const got = new Set(received);
    expect(
      expected.filter((e) => !got.has(e.id)).map((e) => `${e.id} ${e.type} report ${e.reportId}`),
      'events never received',
    ).toEqual([]);
    expect(received).toEqual(expected.map((e) => e.id));

    // Every report that got a 201 came as a `report:created`, with its own `created` event.
    const createdEventOf = new Map(expected.filter((e) => e.type === 'created').map((e) => [e.reportId, e.id]));
    const createdSeen = new Set(feed.seen.filter((e) => e.name === 'report:created').map((e) => e.eventId));
    const missing = created.filter((r) => !createdSeen.has(createdEventOf.get(r.id) ?? -1));
    expect(missing.map((r) => r.trackingCode)).toEqual([]);
  }, 60_000);
});

/**
 * The real server in its own process, for the durability, shutdown and overload tests: start and stop
 * it, a demo city seeded once and copied per test, valid report bodies, and the database afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Rng } from '../../scripts/seed/random';
import { openDatabase } from '../db/client';

/** Uniform numbers in [0, 1) from the project's seeded generator, so a failing run can be repeated. */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const processes: ChildProcess[] = [];
/** The server's own pid when `strace` is the child process. */
const tracee = new Map<ChildProcess, number>();
const dirs: string[] = [];

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Options of a server start. */
export interface StartOptions {
  /** Load the demo city into the empty folder. */
  seed?: boolean;
  /** Run under `strace`, tracing fsyncs into this file. */
  straceOut?: string;
  /** More environment (defaults: errors only in the log, no filing rate limit). */
  env?: Record<string, string>;
  /** Keep the server's standard output (log lines) instead of passing it through. */
  captureStdout?: string[];
}

/**
 * Starts `server/main.ts` over `dataDir` (optionally under `strace`) and waits for /api/health; fails
 * fast if it exits.
 */
export async function startServer(dataDir: string, port: number, opts: StartOptions = {}): Promise<ChildProcess> {
  const node = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const [cmd, ...args] = opts.straceOut
    ? ['strace', '-f', '-y', '-ttt', '-e', 'trace=fsync,fdatasync', '-o', opts.straceOut, ...node]
    : node;
  const child = spawn(cmd!, args, {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: opts.seed ? 'true' : 'false',
      DB_CHECK: opts.seed ? 'quick' : 'off',
      LOG_LEVEL: 'error',
      // These tests file far faster than a person: the per-client filing limit is not what they test.
      REPORT_RATE_LIMIT: '0',
      // Nor is shedding, unless a test turns it on: a busy test machine must not shed these requests.
      OVERLOAD_MAX_LAG_MS: '0',
      ...opts.env,
    },
    stdio: ['ignore', opts.captureStdout ? 'pipe' : 'inherit', 'inherit'],
  });
  if (opts.captureStdout) {
    const lines = opts.captureStdout;
    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop()!;
      lines.push(...parts.filter(Boolean));
    });
  }
  processes.push(child);
  // Seeding the demo city on a busy two-core machine can take a while.
  const waitMs = opts.seed ? 90_000 : 30_000;
  const end = Date.now() + waitMs;
  for (;;) {
    if (exited(child)) throw new Error(`server exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
        if (opts.straceOut) {
          // The server is strace's child: signals go to it (a killed strace would leave it running).
          const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
          tracee.set(child, Number(kids[0]));
        }
        return child;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > end) {
      await stopServer(child, 'SIGKILL');
      throw new Error(`server did not answer /api/health within ${waitMs / 1000} s`);
    }
    await sleep(50);
  }
}

/** Sends `signal` (SIGTERM: SIGKILL after `graceMs`); resolves once the process has exited. */
export async function stopServer(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM', graceMs = 8000) {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (s: NodeJS.Signals) => {
    const pid = tracee.get(child);
    if (pid === undefined) child.kill(s);
    else
      try {
        process.kill(pid, s); // strace exits with it
      } catch {
        child.kill('SIGKILL');
      }
  };
  kill(signal);
  const timer = setTimeout(() => kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

/** Kills every server still running and removes every folder made here (for `afterAll`). */
export async function cleanUp(): Promise<void> {
  await Promise.all(processes.map((p) => stopServer(p, 'SIGKILL', 3000)));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

/** A temporary path removed by `cleanUp`. */
export function temporary(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `beacon-${prefix}-`));
  dirs.push(dir);
  return dir;
}

/** Where a report may be filed in the demo city: a real report's category, place and attributes. */
export interface Sample {
  categoryCode: string;
  lat: number;
  lng: number;
  attributes: string;
}

/** The demo city, seeded once by a real server start, and samples of where its reports are. */
export interface DemoCity {
  template: string;
  samples: Sample[];
  /** A fresh data folder holding a copy of the demo city. */
  copy(name: string): string;
}

/** Seeds the demo city with a real server start on `port` and closes it cleanly (the WAL is checkpointed). */
export async function seedDemoCity(port: number): Promise<DemoCity> {
  const template = temporary('demo-template');
  const server = await startServer(template, port, { seed: true });
  await stopServer(server);
  const samples = withDb(
    template,
    (db) =>
      db
        .prepare(
          `select category_code as categoryCode, lat, lng, attributes from reports
           where lat is not null and duplicate_of_id is null order by id limit 40`,
        )
        .all() as Sample[],
  );
  return {
    template,
    samples,
    copy(name) {
      const dir = temporary(name);
      cpSync(template, dir, { recursive: true });
      return dir;
    },
  };
}

/** A valid report body for the demo city whose description carries `marker`. */
export function reportBody(samples: readonly Sample[], random: () => number, marker: string) {
  const sample = samples[Math.floor(random() * samples.length)]!;
  return {
    categoryCode: sample.categoryCode,
    lat: sample.lat + (random() - 0.5) * 2e-4,
    lng: sample.lng + (random() - 0.5) * 2e-4,
    description: `Kiểm thử độ bền [${marker}]: sự cố cần xử lý`,
    attributes: JSON.parse(sample.attributes) as object,
  };
}

/** Files a report as JSON with an Idempotency-Key. */
export function post(base: string, payload: object, key: string, timeoutMs = 5000): Promise<Response> {
  return fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/** Opens the database read-write (recovers a WAL left by a killed server) and runs `fn`. */
export function withDb<T>(dataDir: string, fn: (db: ReturnType<typeof openDatabase>['$client']) => T): T {
  const db = openDatabase(path.join(dataDir, 'beacon.db'));
  try {
    return fn(db.$client);
  } finally {
    db.$client.close();
  }
}

/** The tracking codes of the reports whose description carries `[marker]`, by marker. */
export function reportsByMarker(dataDir: string, like: string): Map<string, string[]> {
  const rows = withDb(
    dataDir,
    (db) =>
      db.prepare(`select tracking_code as code, description from reports where description like ?`).all(like) as {
        code: string;
        description: string;
      }[],
  );
  const byMarker = new Map<string, string[]>();
  for (const r of rows) {
    const marker = /\[(.*?)\]/.exec(r.description)![1]!;
    byMarker.set(marker, [...(byMarker.get(marker) ?? []), r.code]);
  }
  return byMarker;
}

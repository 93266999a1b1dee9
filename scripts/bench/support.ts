/** What the HTTP benchmarks share: rows, percentiles, and the real server as a separate process. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { Row } from './run';

/** A row with an upper-bound target (`<= target`), or informational when target is null. */
export const row = (name: string, value: number, unit: string, target: number | null): Row => ({
  name,
  value: Number(value.toFixed(2)),
  unit,
  target: target === null ? null : `<= ${target}`,
  met: target === null ? null : value <= target,
});

/** The value at percentile `p` (0-100) of `xs` (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Polls `url` until it answers 2xx. */
export async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A running server process and its base URL. */
export interface BenchServer {
  base: string;
  process: ChildProcess;
}

/** Starts `server/main.ts` on 127.0.0.1 over `dataDir` (no demo seeding) and waits for it to answer. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = Number(env.PORT ?? 3190 + Math.floor(Math.random() * 9));
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_ARGS?.split(' ') ?? []), '--import', 'tsx', 'server/main.ts'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'error',
        // Load generators file and read from one address far faster than any resident.
        REPORT_RATE_LIMIT: '0',
        LOGIN_RATE_LIMIT: '0',
        TRACK_RATE_LIMIT: '0',
        ...env,
      },
      stdio: 'inherit',
    },
  );
  await waitFor(`${base}/api/health`, 60_000);
  return { base, process: child };
}

/** Signs in and returns the Cookie header to send. */
export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/**
 * A data folder holding `reports` generated reports (`npm run generate-history`: 3 years, or 1 for a
 * smoke run). `shared` keeps it in the temp folder for the next run (the statistics benchmark and the
 * large-data browser test use the same one; a million reports take a couple of minutes and 1 GB);
 * `smoke` makes a fresh one for this process. Write to a copy: whatever is filed against it stays in it.
 */
export async function largeHistory(reports: number, kind: 'shared' | 'smoke'): Promise<string> {
  const dir = path.join(
    tmpdir(),
    kind === 'smoke' ? `beacon-history-smoke-${process.pid}` : `beacon-history-${reports}`,
  );
  if (existsSync(path.join(dir, 'complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const years = kind === 'smoke' ? '1' : '3';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate-history.ts', '--count', String(reports), '--years', years],
      { env: { ...process.env, DATA_DIR: dir }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate-history exited ${code}`))));
  });
  writeFileSync(path.join(dir, 'complete'), new Date().toISOString());
  return dir;
}

/** Builds the web app into `outDir` (the production bundle the server serves). */
export function buildWeb(outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
}

/**
 * Milliseconds from navigating to `pagePath` (signed in as `username`) until an element matching the
 * CSS selector `ready` shows text matching `text`, in headless Chromium at 1366×820, read on the page's
 * own clock (from its navigation start, checked every frame); the median of `runs` fresh loads.
 */
export async function timeToVisible(
  base: string,
  username: string,
  password: string,
  pagePath: string,
  ready: string,
  text: RegExp = /./,
  runs = 1,
): Promise<number> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
      await context.request.post(`${base}/api/auth/login`, { data: { username, password } });
      const page = await context.newPage();
      await page.goto(`${base}${pagePath}`, { waitUntil: 'commit' });
      const at = await page.waitForFunction(
        ([selector, source]) => {
          const doc = (
            globalThis as unknown as {
              document: {
                querySelectorAll(
                  s: string,
                ): ArrayLike<{ textContent: string | null; getClientRects(): ArrayLike<unknown> }>;
              };
            }
          ).document;
          const found = Array.from(doc.querySelectorAll(selector!)).some(
            (e) => e.getClientRects().length > 0 && new RegExp(source!).test(e.textContent ?? ''),
          );
          return found ? performance.now() : false;
        },
        [ready, text.source],
        { polling: 'raf', timeout: 15_000 },
      );
      times.push((await at.jsonValue()) as number);
      await context.close();
    }
    return percentile(times, 50);
  } finally {
    await browser.close();
  }
}

/** A port in [first, last] nobody listens on at 127.0.0.1, probing from `first + offset` round the range. */
export async function freePort(first: number, last: number, offset = 0): Promise<number> {
  const size = last - first + 1;
  for (let i = 0; i < size; i++) {
    const port = first + ((offset + i) % size);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${first}-${last}`);
}

/** A row with a lower-bound target (`>= target`). */
export const rowAtLeast = (name: string, value: number, unit: string, target: number): Row => ({
  name,
  value: Number(value.toFixed(2)),
  unit,
  target: `>= ${target}`,
  met: value >= target,
});

/**
 * The share of `expected` deliveries made, in % rounded down (99.999 reads 99.99, not 100): met only
 * when every one was made.
 */
export const share = (name: string, got: number, expected: number): Row => ({
  name,
  value: Math.floor((10_000 * got) / Math.max(1, expected)) / 100,
  unit: '%',
  target: '= 100',
  met: expected > 0 && got === expected,
});

/**
 * Milliseconds since the epoch with sub-millisecond resolution: comparable between processes on one
 * machine (each process's `timeOrigin` is read from the same wall clock), unlike `performance.now()`.
 */
export const epochMs = (): number => performance.timeOrigin + performance.now();

/** The resident set of process `pid` in MB, read from /proc (VmRSS). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb[1]) / 1024;
}

/** A message between a benchmark and one of its helper processes: `type` says what it is. */
export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** A helper process (a load generator, a crowd of sockets) spoken to over its IPC channel. */
export interface BenchChild {
  process: ChildProcess;
  send(message: ChildMessage): void;
  /** The next message of `type` (buffered if it came already); rejects after `timeoutMs` or if the child exits. */
  next<T extends ChildMessage>(type: string, timeoutMs: number): Promise<T>;
  /** Kills it (SIGKILL) unless it has exited, and waits for its exit. */
  stop(): Promise<void>;
}

const children = new Set<BenchChild>();

/**
 * Starts `scripts/bench/<script>` in its own Node process (tsx) with an IPC channel. It dies with its
 * parent (the child exits when the channel closes); `stopChildren` kills whatever is left.
 */
export function startChild(script: string, args: string[] = []): BenchChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: ChildMessage[] = [];
  const waiters: { type: string; resolve(m: ChildMessage): void }[] = [];
  let exitReason: string | null = null;
  const failWaiters: ((e: Error) => void)[] = [];
  proc.on('message', (m: ChildMessage) => {
    const i = waiters.findIndex((w) => w.type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(m);
    else if (m.type === 'error') {
      // The child failed a command: whoever waits for an answer gets the failure instead.
      const err = new Error(`${script}: ${String(m.message)}`);
      waiters.length = 0;
      for (const fail of failWaiters.splice(0)) fail(err);
    } else inbox.push(m);
  });
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      exitReason = `${script} exited (${code ?? signal})`;
      for (const fail of failWaiters.splice(0)) fail(new Error(exitReason));
      resolve();
    }),
  );
  const child: BenchChild = {
    process: proc,
    send(message) {
      if (proc.connected) proc.send(message);
    },
    next<T extends ChildMessage>(type: string, timeoutMs: number): Promise<T> {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0] as T);
      if (exitReason) return Promise.reject(new Error(exitReason));
      return new Promise<T>((resolve, reject) => {
        const waiter = {
          type,
          resolve: (m: ChildMessage) => {
            clearTimeout(timer);
            resolve(m as T);
          },
        };
        const fail = (e: Error) => {
          clearTimeout(timer);
          reject(e);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          fail(new Error(`${script}: no '${type}' within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
        failWaiters.push(fail);
      });
    },
    async stop() {
      children.delete(child);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
  children.add(child);
  return child;
}

/** Kills every helper process started by `startChild` that is still running. */
export async function stopChildren(): Promise<void> {
  await Promise.all([...children].map((c) => c.stop()));
}

/**
 * The helper-process side: calls `handle` with each message from the parent, exits when the parent
 * goes away, and exits anyway after `maxLifeMs` (every benchmark is bounded in time).
 */
export function serveParent(handle: (m: ChildMessage) => void | Promise<void>, maxLifeMs = 20 * 60_000): void {
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => {
    console.error(`${process.argv[1]}: still running after ${maxLifeMs} ms, exiting`);
    process.exit(2);
  }, maxLifeMs).unref();
  process.on('message', (m: ChildMessage) => {
    Promise.resolve(handle(m)).catch((err: unknown) => {
      reply({ type: 'error', message: String((err as Error)?.stack ?? err) });
    });
  });
}

/** Sends a message to the parent (helper-process side). */
export function reply(message: ChildMessage): void {
  process.send?.(message);
}

/** What the HTTP benchmarks share: rows, percentiles, and the real server as a separate process. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

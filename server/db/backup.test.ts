import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BenchServer } from '../../scripts/bench/support';
import { openDatabase } from './client';

// `npm run backup` against the real server while residents file reports, then a server booted on the copy;
// and a damaged database refused at start with a clear message.

const work = mkdtempSync(path.join(tmpdir(), 'beacon-backup-test-'));
const dataDir = path.join(work, 'data');
const servers: BenchServer[] = [];
const env = (extra: Record<string, string>) => ({ ...process.env, LOG_LEVEL: 'error', SEED_DEMO: 'false', ...extra });

afterAll(() => {
  for (const s of servers) s.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** A valid report body for the demo city (a point in Phường Tuy Hòa, street lighting). */
async function file(base: string, n: number): Promise<string | null> {
  const res = await fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      categoryCode: 'street_lighting',
      lat: 13.0896,
      lng: 109.3031,
      attributes: { fault: 'off' },
      description: `Đèn đường không sáng (sao lưu ${n})`,
    }),
  }).catch(() => null);
  if (res?.status !== 201) return null;
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

/** Runs `npm run backup` (the script itself) with DATA_DIR; resolves with its exit code and output. */
function runBackup(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--out', out], {
      env: env({ DATA_DIR: dataDir }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts server/main.ts on a data folder and waits for it to exit (a refused start). */
function refusedStart(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: env({ DATA_DIR: dir, PORT: '3179', HOST: '127.0.0.1' }),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

let backupDir = '';
const before: string[] = [];
const after: string[] = [];
let filedDuring = 0;

beforeAll(async () => {
  const server = await startServer(dataDir, { SEED_DEMO: 'true', PORT: '3177' });
  servers.push(server);
  // Wait for the demo city (with its after-photos) to be loaded.
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${server.base}/api/categories`)
      .then((r) => r.ok)
      .catch(() => false));
    i++
  )
    await new Promise((r) => setTimeout(r, 100));
  for (let n = 0; n < 20; n++) before.push((await file(server.base, n))!);
  // Residents keep filing while the backup runs.
  let filing = true;
  const during = (async () => {
    for (let n = 100; filing; n++) {
      if (await file(server.base, n)) filedDuring++;
      await new Promise((r) => setTimeout(r, 15));
    }
  })();
  const result = await runBackup(path.join(work, 'backups'));
  filing = false;
  await during;
  for (let n = 500; n < 505; n++) after.push((await file(server.base, n))!);
  expect(result.code, result.stderr).toBe(0);
  // The server really was taking reports while the copy was made.
  expect(filedDuring).toBeGreaterThan(5);
  expect(result.stdout).toMatch(/integrity ok/);
  backupDir = path.join(work, 'backups', readdirSync(path.join(work, 'backups'))[0]!);
}, 90_000);

describe('npm run backup', () => {
  it('copies the database consistently while the server takes reports, with the photos and a manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(backupDir, 'backup.json'), 'utf8')) as {
      reports: number;
      lastEventId: number;
    };
    const copy = openDatabase(path.join(backupDir, 'beacon.db'), { readonly: true });
    try {
      expect(copy.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.$client.pragma('foreign_key_check')).toEqual([]);
      const reports = (copy.$client.prepare('select count(*) as n from reports').get() as { n: number }).n;
      expect(reports).toBe(manifest.reports);
      // One instant: every report in the copy has its events up to the last one copied, none after.
      const orphan = copy.$client
        .prepare(
          `select count(*) as n from reports r where not exists (select 1 from report_events e where e.report_id = r.id)`,
        )
        .get() as { n: number };
      expect(orphan.n).toBe(0);
      const codes = new Set(
        (copy.$client.prepare('select tracking_code as c from reports').all() as { c: string }[]).map((r) => r.c),
      );
      for (const c of before) expect(codes.has(c), c).toBe(true);
      for (const c of after) expect(codes.has(c), c).toBe(false);
    } finally {
      copy.$client.close();
    }
    // The demo city's after-photos came along.
    expect(readdirSync(path.join(backupDir, 'photos')).length).toBeGreaterThan(0);
  });

  it('restores: a server boots on the copy and knows the reports filed before it', async () => {
    const restored = await startServer(backupDir, { PORT: '3178' });
    servers.push(restored);
    expect((await fetch(`${restored.base}/api/health`)).status).toBe(200);
    expect((await fetch(`${restored.base}/api/track/${before[0]}`)).status).toBe(200);
    expect((await fetch(`${restored.base}/api/track/${after[0]}`)).status).toBe(404);
    expect(await file(restored.base, 999)).toMatch(/^TH-/);
  }, 60_000);
});

describe('a damaged database', () => {
  it('stops the start with a clear message naming the file, not a stack trace, and changes nothing', () => {
    const dir = path.join(work, 'damaged');
    rmSync(dir, { recursive: true, force: true });
    copyFileSync(path.join(backupDir, 'beacon.db'), path.join(work, 'damaged.db'));
    const file = path.join(dir, 'beacon.db');
    mkdirSync(dir, { recursive: true });
    copyFileSync(path.join(work, 'damaged.db'), file);
    // Scribble over pages in the middle of the file (b-tree pages of reports and their indexes).
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    for (let at = Math.floor(size * 0.3); at < size * 0.7; at += 8192)
      writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at);
    closeSync(fd);
    const bytes = readFileSync(file);
    const result = refusedStart(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The database ${file} is damaged`);
    expect(result.stderr).toMatch(/Restore the latest backup/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  }, 40_000);

  it('says the same of a file that is not a database at all', () => {
    const dir = path.join(work, 'not-a-db');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'beacon.db');
    writeFileSync(file, Buffer.alloc(64 * 1024, 0x41));
    const result = refusedStart(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The database ${file} is damaged`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});

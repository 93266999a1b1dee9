import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts, loadDemoCity } from '../../../scripts/seed/load-demo-city';
import { DEV_SESSION_SECRET } from '../../config';
import { openMemoryDatabase } from '../../db/client';
import { users } from '../../db/schema';
import { seedTestCity } from '../../test/city';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { productionProblems } from './production-check';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DEMO = { usernames: demoAccounts().map((u) => u.username), password: DEMO_PASSWORD };
const GOOD = { sessionSecret: 'k'.repeat(48), sessionSecretSet: true, seedDemo: false };

describe('a production start', () => {
  it('goes on with a long secret, no demo seeding, no demo account and an enabled admin', async () => {
    const db = openMemoryDatabase();
    await seedTestCity(db);
    expect(await productionProblems(GOOD, new AuthRepository(db), DEMO)).toEqual([]);
  });

  it('names every problem at once: secret, demo seeding, demo accounts, no admin', { timeout: 60_000 }, async () => {
    const db = openMemoryDatabase();
    await loadDemoCity(db, { now: Date.now(), photoDir: tmpdir(), history: false });
    const repo = new AuthRepository(db);
    const missing = await productionProblems(
      { ...GOOD, sessionSecret: DEV_SESSION_SECRET, sessionSecretSet: false, seedDemo: true },
      repo,
      DEMO,
    );
    expect(missing).toHaveLength(3);
    expect(missing[0]).toMatch(/^SESSION_SECRET is not set/);
    expect(missing[1]).toMatch(/^SEED_DEMO is not false/);
    expect(missing[2]).toMatch(/^Demo accounts with the demo password are present \(/);
    for (const username of ['operator', 'staff.lighting', 'leader', 'admin']) expect(missing[2]).toContain(username);

    const empty = new AuthRepository(openMemoryDatabase());
    const weak = await productionProblems({ ...GOOD, sessionSecret: DEV_SESSION_SECRET }, empty, DEMO);
    expect(weak[0]).toMatch(/^SESSION_SECRET is the public development default/);
    const short = await productionProblems({ ...GOOD, sessionSecret: 'short-secret' }, empty, DEMO);
    expect(short[0]).toMatch(/^SESSION_SECRET has only 12 characters: .*at least 32/);

    // Every demo account given a new password: only the missing admin is left once admins are disabled.
    const hash = await AuthService.hashPassword('mot-mat-khau-that-dai');
    db.update(users).set({ passwordHash: hash }).run();
    expect(await productionProblems(GOOD, repo, DEMO)).toEqual([]);
    db.update(users).set({ disabled: true }).where(eq(users.role, 'admin')).run();
    expect(await productionProblems(GOOD, repo, DEMO)).toEqual([
      'No enabled admin account: create one with npm run create-admin -- --username NAME --name "Full Name".',
    ]);
  });
});

describe('NODE_ENV=production node server/main.ts', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'beacon-production-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start on a new database with the defaults, saying why, without a stack trace', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(3191 + Math.floor(Math.random() * 9)),
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'too-short',
    };
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env,
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Refusing to start with NODE_ENV=production:');
    expect(result.stderr).toContain('SESSION_SECRET has only 9 characters');
    expect(result.stderr).toContain('SEED_DEMO is not false');
    expect(result.stderr).toContain('No enabled admin account: create one with npm run create-admin');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // Nothing was loaded: the demo city was not seeded into the production database.
    expect(result.stderr).not.toContain('Demo accounts');
  });
});

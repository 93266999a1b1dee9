import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuiltApp } from '../app';
import { openDataDirDatabase, openMemoryDatabase, type Db } from '../db/client';
import { FakeClock } from '../domain/clock';
import type { TrustProxySetting } from '../domain/trust-proxy';
import type { RateLimits } from '../plugins/rate-limits';
import type { Clock } from '../domain/clock';
import { totpCode } from '../modules/auth/totp';
import { seedTestCity, TEST_PASSWORD, TEST_TOTP_SECRET, type TestCityIds } from './city';

/** 2026-11-23 09:00 in Vietnam (a Monday). */
export const TEST_NOW = Date.parse('2026-11-23T09:00:00+07:00');

/** A test app on its own in-memory database with the test city (or the caller's city) loaded. */
export interface TestApp<Ids = TestCityIds> extends BuiltApp {
  db: Db;
  clock: FakeClock;
  /** What loading the city returned: for the test city, the ids of its units and accounts. */
  ids: Ids;
  /** Where this app stores photos (a temporary folder, removed on close). */
  photoDir: string;
  /**
   * Signs in (with the test city's password by default) and returns the Cookie header to send; an
   * account with a second factor (the admin) gets the code of `totpSecret` (default TEST_TOTP_SECRET).
   */
  login(username: string, password?: string, totpSecret?: string): Promise<string>;
  close(): Promise<void>;
}

/** Server options a test may change. */
export type TestAppOptions = {
  maxReplay?: number;
  staffFrameMs?: number;
  /** Session lifetimes (default: an hour absolute, an hour idle). */
  sessionTtlMs?: number;
  sessionIdleMs?: number;
  /**
   * How often sockets of sessions that ran out are closed: off by default, as tests move the fake
   * clock by days while their sockets listen.
   */
  sessionSweepMs?: number;
  photoMaxBytes?: number;
  areaImportMaxBytes?: number;
  /** A database file in a temporary folder instead of memory (so statistics run in their worker thread). */
  onFile?: boolean;
  /** Log level and destination (no logs when absent). */
  logLevel?: string;
  logStream?: Writable;
  /** Rate limits to switch on (all off when absent). */
  rateLimits?: Partial<RateLimits>;
  /** CORS_ORIGINS and TRUST_PROXY (none when absent). */
  corsOrigins?: string[];
  trustProxy?: TrustProxySetting;
  /** A built web app to serve (none when absent). */
  webDist?: string;
};

/** Builds an app on an in-memory database with migrations applied and the test city seeded. */
export function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  return buildTestAppOn(seedTestCity, options);
}

/** The same with another city: `load` fills the migrated database (photos go to `photoDir`). */
export async function buildTestAppOn<Ids>(
  load: (db: Db, photoDir: string) => Promise<Ids>,
  options: TestAppOptions = {},
): Promise<TestApp<Ids>> {
  const { onFile, ...serverOptions } = options;
  const photoDir = mkdtempSync(path.join(tmpdir(), 'beacon-photos-'));
  const db = onFile
    ? openDataDirDatabase({ dataDir: photoDir, dbPath: path.join(photoDir, 'beacon.db') })
    : openMemoryDatabase();
  const ids = await load(db, photoDir);
  const clock = new FakeClock(TEST_NOW);
  const built = buildApp({
    db,
    clock,
    options: {
      codePrefix: 'TH',
      sessionTtlMs: 3_600_000,
      sessionSweepMs: 0,
      cookieSecure: false,
      photoDir,
      ...serverOptions,
    },
  });
  await built.app.ready();
  return {
    ...built,
    db,
    clock,
    ids,
    photoDir,
    login: (username, password, totpSecret) => signInTo(built.app, clock, username, password, totpSecret),
    close: async () => {
      await built.app.close();
      db.$client.close();
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in (the test city's password by default) and returns the Cookie header to send. When the
 * account has a second factor, sends the code of the step before, at, then after the clock's now: the
 * server takes each step once, so one fake instant allows three sign-ins of that account.
 */
async function signInTo(
  app: FastifyInstance,
  clock: Clock,
  username: string,
  password = TEST_PASSWORD,
  totpSecret = TEST_TOTP_SECRET,
): Promise<string> {
  const post = (totp?: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
  let res = await post();
  for (const offset of [-30_000, 0, 30_000]) {
    const code = res.statusCode === 401 ? (res.json() as { code: string }).code : null;
    if (code !== 'totp_required' && code !== 'invalid_totp') break;
    res = await post(totpCode(totpSecret, clock.now() + offset));
  }
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'beacon_sid');
  return `beacon_sid=${cookie!.value}`;
}

/** A valid report body. */
export function reportBody(overrides: Record<string, unknown> = {}) {
  return {
    categoryCode: 'street_lighting',
    lat: 13.07,
    lng: 109.27,
    description: 'Đèn đường trước nhà số 12 không sáng',
    ...overrides,
  };
}

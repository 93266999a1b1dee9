import path from 'node:path';
import { z } from 'zod';
import type { OverloadOptions } from './plugins/overload';
import { parseTrustProxy, type TrustProxySetting } from './domain/trust-proxy';
import type { RateLimits } from './plugins/rate-limits';

/** A comma-separated list, trimmed, empties dropped. */
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Each entry must be an origin exactly as a browser sends it: `scheme://host[:port]`, nothing more. */
const originList = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const origins = list(v);
    for (const o of origins) {
      let ok = false;
      try {
        ok = new URL(o).origin === o;
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: 'custom', message: `"${o}" is not an origin like https://portal.example.vn` });
    }
    return origins;
  });

/** Requests per minute per client address; 0 turns the limit off. */
const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(100_000).default(fallback);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** Load the demo city into an empty database at start ("false" to start empty). */
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** Prefix of tracking codes. */
  CODE_PREFIX: z
    .string()
    .regex(/^[A-Z]{1,4}$/)
    .default('TH'),
  /** Mark the session cookie Secure (set when served over HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** A session unused this long ends (its last use is recorded at most once a minute). */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
  /** Keys the session token HMACs and the sealing of TOTP secrets; a production start needs ≥ 32 characters. */
  SESSION_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest photo upload, in megabytes. */
  PHOTO_MAX_MB: z.coerce.number().positive().max(100).default(10),
  /** Largest GeoJSON file an admin may upload to import areas, in megabytes. */
  AREA_IMPORT_MAX_MB: z.coerce.number().positive().max(2000).default(100),
  /** Other sites allowed to call the API from a browser (CORS) and to open sockets; empty: none. */
  CORS_ORIGINS: originList,
  /** More origins map tiles may load from, besides the one in index.html's beacon:tile-url. */
  TILE_ORIGINS: originList,
  /** Proxies in front whose X-Forwarded-For is believed: `false`, a hop count, or addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): TrustProxySetting => {
      try {
        return parseTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Reports one client address may file per minute (web and Open311); 0 = off (load tests). */
  REPORT_RATE_LIMIT: perMinute(20),
  /** Reports one device (the app's random id) may file per hour, from any address; 0 = off. */
  REPORT_DEVICE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(30),
  /** Sign-in attempts per minute per client address. */
  LOGIN_RATE_LIMIT: perMinute(20),
  /** Failed sign-ins on one username that lock it out, from any address (0 = never). */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(0).max(1000).default(10),
  /** How long those failures count and the lockout lasts. */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().max(1440).default(15),
  /** Lookups by tracking code per minute per client address (page, actions, socket subscriptions). */
  TRACK_RATE_LIMIT: perMinute(120),
  /** Directory of the built web app; not served when missing. */
  WEB_DIST: z.string().default('./dist/web'),
  /** Check the database at start: `quick` reads every page (~5 s per GB), `off` skips it. */
  DB_CHECK: z.enum(['quick', 'off']).default('quick'),
  /** Shed requests with 503 while the event loop lags more than this many milliseconds (0 = never). */
  OVERLOAD_MAX_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(300),
  /** Seconds a shed or draining request is told to wait before retrying (`Retry-After`). */
  OVERLOAD_RETRY_AFTER_S: z.coerce.number().int().min(1).max(3600).default(5),
  /** Most requests (uploads aside) served at once; beyond, 503 (0 = no limit). */
  OVERLOAD_MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(64),
  /** Most uploads whose photos are being re-encoded or waiting for it; beyond, 503. */
  PHOTO_MAX_IN_PROGRESS: z.coerce.number().int().min(1).max(1000).default(16),
  /** At SIGTERM, how long running requests get to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_S: z.coerce.number().positive().max(600).default(8),
});

/** The development SESSION_SECRET: public, so a production start refuses it. */
export const DEV_SESSION_SECRET = 'insecure-development-session-secret-do-not-use-in-production';

/** Server configuration, parsed and checked once at boot. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  photoDir: string;
  photoMaxBytes: number;
  areaImportMaxBytes: number;
  seedDemo: boolean;
  codePrefix: string;
  cookieSecure: boolean;
  sessionTtlMs: number;
  sessionIdleMs: number;
  sessionSecret: string;
  /** Whether SESSION_SECRET was set (a production start refuses the development default). */
  sessionSecretSet: boolean;
  /** NODE_ENV is `production`: the start refuses demo accounts, weak secrets and a city without an admin. */
  production: boolean;
  logLevel: string;
  webDist: string;
  /** CORS_ORIGINS. */
  corsOrigins: string[];
  /** TILE_ORIGINS. */
  tileOrigins: string[];
  trustProxy: TrustProxySetting;
  rateLimits: RateLimits;
  dbCheck: 'quick' | 'off';
  overload: OverloadOptions;
  photoMaxInProgress: number;
  shutdownTimeoutMs: number;
}

/** Reads the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbPath: path.join(dataDir, 'beacon.db'),
    photoDir: path.join(dataDir, 'photos'),
    photoMaxBytes: Math.round(e.PHOTO_MAX_MB * 1024 * 1024),
    areaImportMaxBytes: Math.round(e.AREA_IMPORT_MAX_MB * 1024 * 1024),
    seedDemo: e.SEED_DEMO === 'true',
    codePrefix: e.CODE_PREFIX,
    cookieSecure: e.COOKIE_SECURE === 'true',
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionSecret: e.SESSION_SECRET || DEV_SESSION_SECRET,
    sessionSecretSet: Boolean(e.SESSION_SECRET),
    production: env.NODE_ENV === 'production',
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    corsOrigins: e.CORS_ORIGINS,
    tileOrigins: e.TILE_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    rateLimits: {
      reportsPerMinute: e.REPORT_RATE_LIMIT,
      reportsPerDevicePerHour: e.REPORT_DEVICE_LIMIT,
      loginPerMinute: e.LOGIN_RATE_LIMIT,
      loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
      loginLockoutMs: e.LOGIN_LOCKOUT_MINUTES * 60_000,
      trackPerMinute: e.TRACK_RATE_LIMIT,
    },
    dbCheck: e.DB_CHECK,
    overload: {
      maxEventLoopDelayMs: e.OVERLOAD_MAX_LAG_MS,
      retryAfterSeconds: e.OVERLOAD_RETRY_AFTER_S,
      maxInFlight: e.OVERLOAD_MAX_IN_FLIGHT,
    },
    photoMaxInProgress: e.PHOTO_MAX_IN_PROGRESS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_S * 1000,
  };
}

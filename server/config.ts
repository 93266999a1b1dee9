import path from 'node:path';
import { z } from 'zod';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest photo upload, in megabytes. */
  PHOTO_MAX_MB: z.coerce.number().positive().max(100).default(10),
  /** Largest GeoJSON file an admin may upload to import areas, in megabytes. */
  AREA_IMPORT_MAX_MB: z.coerce.number().positive().max(2000).default(100),
  /** Directory of the built web app; not served when missing. */
  WEB_DIST: z.string().default('./dist/web'),
  /** Check the database at start: `quick` reads every page (~5 s per GB), `off` skips it. */
  DB_CHECK: z.enum(['quick', 'off']).default('quick'),
});

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
  logLevel: string;
  webDist: string;
  dbCheck: 'quick' | 'off';
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
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.WEB_DIST),
    dbCheck: e.DB_CHECK,
  };
}

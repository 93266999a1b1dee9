import { buildApp } from './app';
import { loadConfig } from './config';
import { DatabaseDamagedError, openDataDirDatabase, type Db } from './db/client';
import { systemClock } from './domain/clock';
import { AuthRepository } from './modules/auth/auth.repository';
import { productionProblems } from './modules/auth/production-check';
import { DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, loadDemoCity } from '../scripts/seed/load-demo-city';

// env -> open db -> migrate -> (demo city) -> buildApp -> listen; graceful close.
const config = loadConfig();
let db: Db;
try {
  db = openDataDirDatabase(config);
} catch (e) {
  // A damaged database stops the start with what was found and what to do, not a stack trace.
  if (!(e instanceof DatabaseDamagedError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}

// A production start refuses demo accounts, a weak session secret and a city without an admin.
if (config.production) {
  const demo = { usernames: demoAccounts().map((u) => u.username), password: DEMO_PASSWORD };
  const problems = await productionProblems(config, new AuthRepository(db), demo);
  if (problems.length > 0) {
    process.stderr.write(`Refusing to start with NODE_ENV=production:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
    db.$client.close();
    process.exit(1);
  }
}

const { app, services } = buildApp({
  db,
  clock: systemClock,
  options: {
    codePrefix: config.codePrefix,
    photoDir: config.photoDir,
    photoMaxBytes: config.photoMaxBytes,
    photoMaxInProgress: config.photoMaxInProgress,
    areaImportMaxBytes: config.areaImportMaxBytes,
    sessionTtlMs: config.sessionTtlMs,
    sessionIdleMs: config.sessionIdleMs,
    sessionSecret: config.sessionSecret,
    cookieSecure: config.cookieSecure,
    webDist: config.webDist,
    logLevel: config.logLevel,
    corsOrigins: config.corsOrigins,
    tileOrigins: config.tileOrigins,
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    overload: config.overload,
  },
});

if (config.seedDemo && isDatabaseEmpty(db)) {
  app.log.info('Empty database: loading the demo city');
  const summary = await loadDemoCity(db, {
    now: Date.now(),
    photoDir: config.photoDir,
    sessionSecret: config.sessionSecret,
  });
  services.catalog.invalidate();
  app.log.info(summary, 'Demo city loaded');
}

let closing = false;
/**
 * Stops taking connections, lets running requests finish (new ones on open connections get 503 with
 * Retry-After), closes the database and exits 0. If requests are still running after the shutdown
 * timeout, their connections are cut and the process exits 1: nothing acknowledged is lost (each 2xx was
 * committed before it was sent), and a cut request was never acknowledged.
 */
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  const started = Date.now();
  app.log.info({ signal }, 'Shutting down: finishing running requests');
  const deadline = setTimeout(() => {
    app.log.error({ timeoutMs: config.shutdownTimeoutMs }, 'Shutdown timed out: cutting the remaining connections');
    app.server.closeAllConnections();
    db.$client.close();
    process.exit(1);
  }, config.shutdownTimeoutMs);
  deadline.unref();
  try {
    await app.close();
  } finally {
    db.$client.close();
    app.log.info({ ms: Date.now() - started }, 'Shut down');
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
// The statistics worker loads its model now (seconds on millions of reports), not at the first leader's visit.
services.statsWorker?.warm().then(
  (r) => app.log.info(r, 'Statistics ready'),
  (e: unknown) => {
    if (!closing) app.log.error(e, 'Statistics worker failed to start');
  },
);
// Deadlines: mark reports overdue (once each) now and every 30 seconds.
services.overdue.start(30_000);

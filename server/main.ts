import { buildApp } from './app';
import { loadConfig } from './config';
import { DatabaseDamagedError, openDataDirDatabase, type Db } from './db/client';
import { systemClock } from './domain/clock';
import { isDatabaseEmpty, loadDemoCity } from '../scripts/seed/load-demo-city';

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

const { app, services } = buildApp({
  db,
  clock: systemClock,
  options: {
    codePrefix: config.codePrefix,
    photoDir: config.photoDir,
    photoMaxBytes: config.photoMaxBytes,
    areaImportMaxBytes: config.areaImportMaxBytes,
    sessionTtlMs: config.sessionTtlMs,
    cookieSecure: config.cookieSecure,
    webDist: config.webDist,
    logLevel: config.logLevel,
  },
});

if (config.seedDemo && isDatabaseEmpty(db)) {
  app.log.info('Empty database: loading the demo city');
  const summary = await loadDemoCity(db, { now: Date.now(), photoDir: config.photoDir });
  services.catalog.invalidate();
  app.log.info(summary, 'Demo city loaded');
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'Shutting down');
  try {
    await app.close();
  } finally {
    db.$client.close();
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

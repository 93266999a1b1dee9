import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config';
import { openDataDirDatabase } from '../server/db/client';
import { commandLine, fail } from './cli';
import { generateLargeHistory } from './seed/large-history';
import { isDatabaseEmpty, loadDemoCity } from './seed/load-demo-city';

// npm run generate-history -- [--count 1000000] [--years 3] [--seed 1] [--append]
// A large realistic history in DATA_DIR (for statistics benchmarks): the demo city first when the
// database is empty, then `count` reports over `years` years up to now, with their events.

const USAGE = `Usage: npm run generate-history -- [--count 1000000] [--years 3] [--seed 1] [--now ISO] [--append]
  --count   reports to generate (default 1000000)
  --years   spread over this many years up to now (default 3)
  --seed    random seed: the same seed and --now give the same history (default 1)
  --now     end of the period, e.g. 2026-11-23T09:00:00+07:00 (default: the current time)
  --append  add to a database that already has reports (refused otherwise)
Writes to DATA_DIR (like npm run seed); loads the demo city first when the database is empty.`;

const { values } = commandLine(USAGE, {
  options: {
    count: { type: 'string', default: '1000000' },
    years: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
    append: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const years = Number(values.years);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 0) fail(`--count must be a whole number ≥ 0.\n${USAGE}`);
if (!(years > 0 && years <= 50)) fail(`--years must be a number of years between 0 and 50.\n${USAGE}`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number.\n${USAGE}`);
const now = values.now === undefined ? Date.now() : Date.parse(values.now);
if (Number.isNaN(now)) fail(`--now must be an ISO date and time.\n${USAGE}`);

const config = loadConfig();
const db = openDataDirDatabase(config);
if (isDatabaseEmpty(db)) {
  await loadDemoCity(db, { now, photoDir: config.photoDir, history: false, sessionSecret: config.sessionSecret });
  process.stderr.write(`Demo city (areas, units, categories, rules, accounts) loaded into ${config.dbPath}\n`);
}
const existing = db.get<{ n: number }>(sql`select count(*) as n from reports`)!.n;
if (existing > 0 && !values.append) {
  db.$client.close();
  fail(`${config.dbPath} already has ${existing} reports; pass --append to add to them.`);
}

const started = Date.now();
let lastDraw = 0;
// At most four redraws a second, and always the last one.
const bar = (done: number, total: number) => {
  const t = Date.now();
  if (done < total && t - lastDraw < 250) return;
  lastDraw = t;
  const elapsed = (t - started) / 1000;
  const rate = done / Math.max(elapsed, 0.001);
  const share = total === 0 ? 1 : done / total;
  const width = 30;
  const filled = Math.round(share * width);
  const eta = rate > 0 ? (total - done) / rate : 0;
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(1).padStart(5)} % ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${Math.round(rate).toLocaleString('en')} reports/s  ` +
      `ETA ${Math.ceil(eta)} s   `,
  );
};

const summary = generateLargeHistory(db, {
  count,
  years,
  seed,
  now,
  codePrefix: config.codePrefix,
  onProgress: (done, total) => bar(done, total),
});
process.stderr.write('\n');
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();

const seconds = summary.ms / 1000;
const size = statSync(config.dbPath).size;
const statuses = Object.entries(summary.byStatus)
  .sort((a, b) => b[1] - a[1])
  .map(([s, n]) => `${s} ${n.toLocaleString('en')}`)
  .join(', ');
console.log(
  `${summary.reports.toLocaleString('en')} reports and ${summary.events.toLocaleString('en')} events ` +
    `(ids ${summary.firstId}-${summary.lastId}) in ${seconds.toFixed(1)} s ` +
    `(${Math.round(summary.reports / Math.max(seconds, 0.001)).toLocaleString('en')} reports/s) ` +
    `into ${config.dbPath} (${(size / 1024 / 1024).toFixed(0)} MB).\nBy status: ${statuses}.`,
);

import { cpSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { backupDatabase } from '../server/db/backup';
import { commandLine, fail } from './cli';

// npm run backup -- [--out DIR]
// An online, consistent copy of DATA_DIR while the server keeps taking reports: the database as of one
// instant (VACUUM INTO, under a read transaction: writers are not held), checked, then the photos.

const USAGE = `Usage: npm run backup -- [--out DIR]
  --out   folder that receives beacon-<time>/ (default: ./backups)
Copies DATA_DIR's database (consistent, while the server runs) and photos; restore by pointing DATA_DIR
at the new folder (or copying its contents into DATA_DIR) and starting the server.`;

const { values } = commandLine(USAGE, {
  options: { out: { type: 'string', default: 'backups' }, help: { type: 'boolean', default: false } },
});
const config = loadConfig();
if (!existsSync(config.dbPath)) fail(`No database at ${config.dbPath} (set DATA_DIR).`);

const stamp = new Date()
  .toISOString()
  .replace(/[:.]/g, '')
  .replace(/\d{3}Z$/, 'Z');
const target = path.resolve(values.out, `beacon-${stamp}`);
if (existsSync(target)) fail(`${target} already exists.`);
mkdirSync(target, { recursive: true });

const started = Date.now();
process.stderr.write(`Copying ${config.dbPath} …\n`);
const summary = backupDatabase(config.dbPath, path.join(target, 'beacon.db'));
process.stderr.write(
  `Database copied and checked in ${((Date.now() - started) / 1000).toFixed(1)} s; copying photos …\n`,
);
// Photos are written before the row that names them commits: every photo the copy names exists now.
if (existsSync(config.photoDir)) cpSync(config.photoDir, path.join(target, 'photos'), { recursive: true });
const manifest = { ...summary, source: config.dataDir, createdAt: new Date().toISOString() };
writeFileSync(path.join(target, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const mb = statSync(path.join(target, 'beacon.db')).size / 1024 / 1024;
console.log(
  `Backup in ${target}: ${summary.reports.toLocaleString('en')} reports, events up to #${summary.lastEventId}, ` +
    `${mb.toFixed(1)} MB, integrity ok, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { loadConfig } from '../server/config';
import { openDataDirDatabase } from '../server/db/client';
import { AppError } from '../server/domain/app-error';
import { systemClock } from '../server/domain/clock';
import { createAreasService, type ImportProgress } from '../server/modules/areas/areas.service';
import { propertyNames, propertyText, suggestProperties } from '../server/modules/areas/area-features';
import { featuresOf, parseGeoJsonBytes } from '../server/modules/areas/geojson-file';
import { AuditService, SCRIPT_ACTOR } from '../server/modules/audit/audit.service';
import { CatalogRepository } from '../server/modules/catalog/catalog.repository';
import { CatalogService } from '../server/modules/catalog/catalog.service';
import { commandLine, fail } from './cli';

// npm run import-areas -- FILE.geojson --code-property ma --name-property ten [--name-en-property p]
//   [--valid-from 2026-12-01] [--note "…"] [--retire-missing] [--dry-run]
// Imports ward/commune boundaries into DATA_DIR's database. Progress goes to stderr, the summary to
// stdout; invalid input exits with status 1 and nothing written. A running server picks the change up
// within a few seconds (the import bumps `config_version`).

const USAGE =
  'Usage: npm run import-areas -- FILE.geojson --code-property PROP --name-property PROP\n' +
  '         [--name-en-property PROP] [--valid-from YYYY-MM-DD] [--note TEXT] [--retire-missing] [--dry-run]';

const { values, positionals } = commandLine(USAGE, {
  allowPositionals: true,
  options: {
    'code-property': { type: 'string' },
    'name-property': { type: 'string' },
    'name-en-property': { type: 'string' },
    'valid-from': { type: 'string' },
    note: { type: 'string' },
    'retire-missing': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (positionals.length !== 1) fail(`Give exactly one GeoJSON file.\n${USAGE}`);
const file = positionals[0]!;

const tty = process.stderr.isTTY;
let lastLine = '';
/** A progress line: rewritten in place on a terminal, printed every 10 % otherwise (logs, CI). */
function progress(text: string, fraction?: number) {
  if (tty) {
    process.stderr.write(`\r${text.padEnd(lastLine.length)}`);
    lastLine = text;
    return;
  }
  if (fraction === undefined) process.stderr.write(`${text}\n`);
  else {
    const step = Math.floor(fraction * 10);
    if (`${text.split(' ')[0]}${step}` === lastLine) return;
    lastLine = `${text.split(' ')[0]}${step}`;
    process.stderr.write(`${text}\n`);
  }
}
const endProgress = () => {
  if (tty && lastLine) process.stderr.write('\n');
  lastLine = '';
};
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en-US');

const FLAGS: Record<string, string> = {
  codeProperty: '--code-property',
  nameProperty: '--name-property',
  nameEnProperty: '--name-en-property',
  validFrom: '--valid-from',
  note: '--note',
};

/** Which flags are missing, the file's properties with examples, and the suggested choice. */
function propertyHelp(collection: unknown): string {
  const features = featuresOf(collection);
  const names = propertyNames(features);
  const examples = (name: string) =>
    features
      .slice(0, 3)
      .map((f) => propertyText((f as { properties?: Record<string, unknown> }).properties?.[name]))
      .filter(Boolean)
      .join(', ');
  const s = suggestProperties(names);
  const suggestion = [
    s.code && `--code-property ${s.code}`,
    s.name && `--name-property ${s.name}`,
    s.nameEn && `--name-en-property ${s.nameEn}`,
  ].filter(Boolean);
  return [
    "Say which properties hold each area's code and name (--code-property and --name-property).",
    `The features have these properties:`,
    ...names.map((p) => `  ${p.name}: ${examples(p.name)}`),
    ...(suggestion.length ? [`Suggested: ${suggestion.join(' ')}`] : []),
  ].join('\n');
}

let bytes: Buffer;
try {
  const size = statSync(file).size;
  progress(`Reading ${file} (${(size / 1048576).toFixed(1)} MB)…`);
  bytes = readFileSync(file);
} catch (e) {
  fail(`Cannot read ${file}: ${(e as Error).message}`);
}

const config = loadConfig();
const db = openDataDirDatabase(config);
const catalog = new CatalogService(new CatalogRepository(db), systemClock);
const areas = createAreasService(db, catalog, new AuditService(db, systemClock), systemClock);

const started = Date.now();
try {
  let t = Date.now();
  progress('Parsing…');
  const collection = parseGeoJsonBytes(bytes);
  progress(`Parsed in ${seconds(t)}.`);
  endProgress();
  if (!values['code-property'] || !values['name-property']) fail(propertyHelp(collection));
  t = Date.now();
  let stage = '';
  const onProgress: ImportProgress = (next, done, total) => {
    if (next !== stage) {
      if (stage) endProgress();
      stage = next;
      t = Date.now();
    }
    const verb = next === 'validating' ? 'Validating' : 'Writing';
    const unit = next === 'validating' ? 'features' : 'areas';
    progress(`${verb} ${n(done)}/${n(total)} ${unit}… ${seconds(t)}`, total ? done / total : 1);
  };
  const result = areas.importCollection(
    collection,
    {
      codeProperty: values['code-property'],
      nameProperty: values['name-property'],
      nameEnProperty: values['name-en-property'],
      validFrom: values['valid-from'],
      note: values.note,
      retireMissing: values['retire-missing'] ?? false,
    },
    SCRIPT_ACTOR,
    { sha256: createHash('sha256').update(bytes).digest('hex'), onProgress, dryRun: values['dry-run'] ?? false },
  );
  endProgress();
  const verb = values['dry-run'] ? 'Dry run (nothing written): would import' : 'Imported';
  process.stdout.write(
    `${verb} ${n(result.imported)} areas from ${result.validFrom} into ${config.dbPath}: ` +
      `${n(result.superseded)} superseded, ${n(result.retired)} retired, in ${seconds(started)}.\n`,
  );
} catch (e) {
  endProgress();
  if (!(e instanceof AppError)) throw e;
  const lines = (e.fieldErrors ?? []).map((f) => `  - ${FLAGS[f.path] ?? f.path}: ${f.message}`);
  fail(`${e.detail ?? e.message}\n${lines.join('\n')}`);
} finally {
  db.$client.close();
}

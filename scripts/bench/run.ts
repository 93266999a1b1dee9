/**
 * Benchmark runner: `npm run bench` runs every `scripts/bench/*.bench.ts`, `npm run bench -- NAME...`
 * some of them (by module name or file name), `--smoke` a tiny run of each. Prints a table and
 * appends the rows to `BENCH_OUT` (default `bench-results.json`, a JSON array).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** One figure a benchmark measured. `target` reads like "<= 150"; null (and `met` null) is informational. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  target: string | null;
  met: boolean | null;
}

/** What every `*.bench.ts` module exports. */
export interface BenchModule {
  name: string;
  run(opts: { smoke: boolean }): Promise<Row[]>;
}

const BENCH_DIR = import.meta.dirname;

/** The benchmark files, optionally only those whose file or module name is in `only`. */
export async function loadBenches(only: readonly string[] = []): Promise<BenchModule[]> {
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const benches: BenchModule[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as Partial<BenchModule>;
    if (typeof mod.name !== 'string' || typeof mod.run !== 'function')
      throw new Error(`${file} does not export name and run`);
    const stem = file.replace(/\.bench\.ts$/, '');
    if (only.length && !only.includes(mod.name) && !only.includes(stem)) continue;
    benches.push({ name: mod.name, run: mod.run });
  }
  return benches;
}

/** The rows as an aligned text table. */
export function formatTable(rows: readonly Row[]): string {
  const head = ['figure', 'value', 'unit', 'target', 'met'];
  const body = rows.map((r) => [
    r.name,
    Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(2),
    r.unit,
    r.target ?? '—',
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Adds rows to the results file (a JSON array; an unreadable file is started afresh). */
export function appendRows(file: string, rows: readonly Row[]): void {
  let all: unknown[] = [];
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (Array.isArray(parsed)) all = parsed;
    } catch {
      // Not ours or damaged: start again rather than fail the run.
    }
  }
  writeFileSync(file, `${JSON.stringify([...all, ...rows], null, 2)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const smoke = argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
  const only = argv.filter((a) => !a.startsWith('--'));
  const benches = await loadBenches(only);
  if (!benches.length) throw new Error(`no benchmark matches ${only.join(', ')}`);
  const out = process.env.BENCH_OUT ?? 'bench-results.json';
  let failed = false;
  const all: Row[] = [];
  for (const bench of benches) {
    console.log(`\n▶ ${bench.name}${smoke ? ' (smoke)' : ''}`);
    try {
      const rows = await bench.run({ smoke });
      console.log(formatTable(rows));
      appendRows(out, rows);
      all.push(...rows);
    } catch (err) {
      failed = true;
      console.error(`✗ ${bench.name}:`, err);
    }
  }
  // Every figure in one table, as the README shows it.
  if (benches.length > 1) console.log(`\n▶ all (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'})\n${formatTable(all)}`);
  console.log(`\nrows appended to ${out}`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}

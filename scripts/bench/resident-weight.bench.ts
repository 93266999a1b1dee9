/**
 * How much JavaScript a resident's phone downloads before `/` is usable: the entry chunk and its static
 * imports, plus the home page's route chunk and its static imports (gzip level 9), from a real
 * production build with Vite's manifest. Also checks that none of the heavy or staff-only code
 * (Leaflet, recharts, socket.io, exifr, the desks, the charts) rides along.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import type { Row } from './run';

export const name = 'resident-weight';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The route chunk of `/`, as the Vite manifest names it (relative to the web root). */
const HOME_PAGE = 'pages/HomePage.tsx';
/** Budget for the resident's first load, in kB (1000 bytes, as Vite prints sizes). */
const JS_BUDGET_KB = 150;
/** Code a resident's first load must not carry. */
const HEAVY =
  /node_modules\/(leaflet|react-leaflet|@react-leaflet|recharts|d3-[a-z]+|socket\.io-client|engine\.io-client|exifr)\/|web\/features\/(ioc|desk|unit|stats)\//;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Manifest keys reached from `starts` through static imports only. */
export function staticClosure(manifest: Manifest, starts: readonly string[]): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no ${key}`);
    seen.add(key);
    for (const next of chunk.imports ?? []) walk(next);
  };
  starts.forEach(walk);
  return [...seen];
}

const kb = (bytes: number) => Math.round((bytes / 1000) * 100) / 100;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Records which source modules went into each output file. */
function moduleRecorder(into: Map<string, string[]>): Plugin {
  return {
    name: 'beacon-bench-module-recorder',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'chunk')
          into.set(
            file,
            out.moduleIds.map((id) => id.replaceAll('\\', '/')),
          );
      }
    },
  };
}

/** Builds the web app into a temporary directory and weighs the resident's first load. */
export async function run(_opts: { smoke: boolean }): Promise<Row[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'beacon-weight-'));
  const modules = new Map<string, string[]>();
  // React's production build only when NODE_ENV says so (vitest sets it to "test").
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(ROOT, 'vite.config.ts'),
      root: path.join(ROOT, 'web'),
      mode: 'production',
      logLevel: 'silent',
      plugins: [moduleRecorder(modules)],
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const keys = staticClosure(manifest, ['index.html', HOME_PAGE]);
    const js = new Set(keys.map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')));
    const css = new Set(keys.flatMap((k) => manifest[k]!.css ?? []));
    const jsBytes = [...js].reduce((sum, f) => sum + gz(path.join(outDir, f)), 0);
    const cssBytes = [...css].reduce((sum, f) => sum + gz(path.join(outDir, f)), 0);
    const heavy = [...js].flatMap((f) => (modules.get(f) ?? []).filter((id) => HEAVY.test(id)));
    if (heavy.length) console.warn(`heavy modules on the first load:\n  ${heavy.slice(0, 20).join('\n  ')}`);
    const jsKb = kb(jsBytes);
    return [
      { name: 'web.resident_js_gz', value: jsKb, unit: 'kB', target: `<= ${JS_BUDGET_KB}`, met: jsKb <= JS_BUDGET_KB },
      { name: 'web.resident_css_gz', value: kb(cssBytes), unit: 'kB', target: null, met: null },
      { name: 'web.resident_js_files', value: js.size, unit: 'files', target: null, met: null },
      {
        name: 'web.resident_heavy_modules',
        value: heavy.length,
        unit: 'modules',
        target: '= 0',
        met: heavy.length === 0,
      },
    ];
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
}

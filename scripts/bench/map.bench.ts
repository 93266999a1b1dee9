/**
 * map.*: the IOC wall map with 100,000 open reports. Builds a database of its own, measures the cluster
 * index build in-process, then starts the real server (a separate process on 127.0.0.1) and measures
 * viewport answers at city and street zoom over HTTP, and the first paint of /ioc/wall in Chromium.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '../../server/db/client';
import { systemClock } from '../../server/domain/clock';
import { IocMapRepository } from '../../server/modules/iocmap/iocmap.repository';
import { IocMapService } from '../../server/modules/iocmap/iocmap.service';
import { demoCity } from '../seed/demo-city';
import { DEMO_PASSWORD, loadDemoCity } from '../seed/load-demo-city';
import { Rng } from '../seed/random';
import type { Row } from './run';
import { buildWeb, login, percentile, row, startServer, timeToVisible } from './support';

export const name = 'map';

const CITY = { bbox: '109.18,13.01,109.36,13.19', zoom: 13 };
const STREET = { bbox: '109.296,13.091,109.304,13.099', zoom: 17 };
const OPEN = ['received', 'assigned', 'in_progress', 'reopened'];

/** Fills a database with `count` open reports around the demo city's places. */
async function buildDatabase(dir: string, count: number): Promise<string> {
  const file = path.join(dir, 'beacon.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  await loadDemoCity(db, { now: Date.now(), photoDir: path.join(dir, 'photos'), history: false });
  const rng = new Rng(7);
  const now = Date.now();
  const units = db.$client.prepare('select id from units').pluck().all() as number[];
  const insert = db.$client
    .prepare(`insert into reports (tracking_code, category_code, lat, lng, description, channel, area_code, area_name, unit_id, priority, status, created_at, updated_at, due_at, overdue_at, version)
    values (?, ?, ?, ?, ?, 'app', null, null, ?, 'normal', ?, ?, ?, ?, ?, 0)`);
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const place = rng.pick(demoCity.places);
      const gauss = () => (rng.next() + rng.next() + rng.next() - 1.5) * 0.01;
      const created = now - rng.int(0, 20 * 86_400_000);
      const due = created + rng.int(4, 100) * 3_600_000;
      insert.run(
        `BM-${i.toString(36).toUpperCase().padStart(6, '0')}`,
        rng.pick(demoCity.categories).code,
        place.lat + gauss(),
        place.lng + gauss(),
        'Benchmark report',
        rng.pick(units),
        rng.pick(OPEN),
        created,
        created,
        due,
        due < now ? due : null,
      );
    }
  })();
  db.$client.close();
  return file;
}

/** Median time and size of a viewport answer over `n` requests (the first, which builds the index, excluded). */
async function viewport(base: string, cookie: string, v: { bbox: string; zoom: number }, n: number) {
  const url = `${base}/api/ioc/map?bbox=${v.bbox}&zoom=${v.zoom}`;
  await fetch(url, { headers: { cookie } });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    bytes = body.byteLength;
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), kb: bytes / 1024 };
}

/** Runs the map benchmark; `smoke` uses 2,000 reports and skips the browser. */
export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const count = smoke ? 2_000 : 100_000;
  const dir = mkdtempSync(path.join(tmpdir(), 'beacon-map-bench-'));
  let server: ChildProcess | null = null;
  try {
    const file = await buildDatabase(dir, count);
    const db = openDatabase(file, { readonly: true });
    const service = new IocMapService(new IocMapRepository(db), systemClock);
    const builds: number[] = [];
    for (let i = 0; i < (smoke ? 1 : 3); i++) {
      const t0 = performance.now();
      service.rebuild();
      builds.push(performance.now() - t0);
    }
    db.$client.close();
    const rows: Row[] = [
      row('map.reports', count, 'reports', null),
      row('map.index_build_ms', percentile(builds, 50), 'ms', null),
    ];

    const webDist = path.join(dir, 'web');
    if (!smoke) buildWeb(webDist);
    const started = await startServer(dir, { WEB_DIST: webDist });
    server = started.process;
    const base = started.base;
    const cookie = await login(base, 'operator', DEMO_PASSWORD);
    const n = smoke ? 5 : 50;
    const city = await viewport(base, cookie, CITY, n);
    const street = await viewport(base, cookie, STREET, n);
    rows.push(
      row('map.city_p50_ms', city.p50, 'ms', 10),
      row('map.city_p95_ms', city.p95, 'ms', null),
      row('map.city_kb', city.kb, 'KB', 100),
      row('map.street_p50_ms', street.p50, 'ms', 10),
      row('map.street_p95_ms', street.p95, 'ms', null),
      row('map.street_kb', street.kb, 'KB', 100),
    );
    // A unit's leader: the unit's own index (built from the same read at its first request).
    const unitCookie = await login(base, 'leader.lighting', DEMO_PASSWORD);
    const unitCity = await viewport(base, unitCookie, CITY, n);
    rows.push(row('map.unit_city_p50_ms', unitCity.p50, 'ms', 10), row('map.unit_city_kb', unitCity.kb, 'KB', 100));
    if (!smoke) {
      // A page that never paints is a missed target, not a lost run.
      const paint = await timeToVisible(
        base,
        'operator',
        DEMO_PASSWORD,
        '/ioc/wall',
        '.wall-cluster, .wall-marker',
        // Any text, markers have none: shown is enough.
        /(?:)/,
      ).catch((e: Error) => {
        console.error(`map.first_paint: ${e.message.split('\n')[0]}`);
        return 15_000;
      });
      rows.push(row('map.first_paint_ms', paint, 'ms', 2000));
    }
    return rows;
  } finally {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { bowTie, collection, feature, polygon, wardGrid } from '../../test/geojson';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let dir: string;
let dbFile: string;

/** Runs `npm run import-areas -- ...args` as an operator would, on its own data directory. */
function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-areas.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dir, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function query<T>(sql: string): T {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return db.$client.prepare(sql).get() as T;
  } finally {
    db.$client.close();
  }
}
const currentAreas = () => query<{ n: number }>('select count(*) as n from areas where valid_to is null').n;

const grid = () => {
  const file = path.join(dir, 'xa-phuong.geojson');
  writeFileSync(file, JSON.stringify(wardGrid(20, 15, 800)));
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'beacon-import-areas-'));
  dbFile = path.join(dir, 'beacon.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run import-areas', () => {
  it('without the property flags, lists the properties with examples and suggests the flags', () => {
    const { status, stderr } = run(grid());
    expect(status).toBe(1);
    expect(stderr).toContain('TEN_XA: Phường Hòa Xuân 0, Phường Hòa Xuân 1, Phường Hòa Xuân 2');
    expect(stderr).toContain('Suggested: --code-property MA_XA --name-property TEN_XA --name-en-property NAME_EN');
  });

  it('with --dry-run, says what it would do and writes nothing', () => {
    const { status, stdout } = run(grid(), '--code-property', 'MA_XA', '--name-property', 'TEN_XA', '--dry-run');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Dry run \(nothing written\): would import 300 areas from /);
    expect(currentAreas()).toBe(0);
  });

  it('imports 300 wards of 800 vertices, showing progress on stderr and a summary on stdout', () => {
    const { status, stdout, stderr } = run(
      grid(),
      '--code-property',
      'MA_XA',
      '--name-property',
      'TEN_XA',
      '--name-en-property',
      'NAME_EN',
      '--valid-from',
      '2026-12-01',
      '--note',
      'Bản đồ địa giới hành chính 2025',
    );
    expect(stderr).toMatch(/Reading .*xa-phuong\.geojson \(\d+\.\d MB\)/);
    expect(stderr).toMatch(/Parsed in \d+\.\d s/);
    expect(stderr).toMatch(/Validating 300\/300 features/);
    expect(stderr).toMatch(/Writing 300\/300 areas/);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^Imported 300 areas from 2026-11-30T17:00:00.000Z into .*beacon\.db: 0 superseded, 0 retired/,
    );
    expect(currentAreas()).toBe(300);
    expect(
      query<{ name_vi: string; name_en: string; note: string }>("select * from areas where code = 'ward-42'"),
    ).toMatchObject({
      name_vi: 'Phường Hòa Xuân 42',
      name_en: 'Hoa Xuan 42',
      note: 'Bản đồ địa giới hành chính 2025',
    });
    const audit = query<{ actor_name: string; action: string; after: string }>(
      'select * from audit_log order by id desc',
    );
    expect(audit).toMatchObject({ actor_name: 'system (script)', action: 'import' });
    expect(JSON.parse(audit.after)).toMatchObject({ imported: 300, vertices: 300 * 800 });
  });

  it('exits 1 naming each problem of an invalid file, and writes nothing', () => {
    const file = path.join(dir, 'bad.geojson');
    writeFileSync(
      file,
      JSON.stringify(
        collection([
          ...wardGrid(2, 1, 40).features,
          feature({ MA_XA: 'ward-x', TEN_XA: 'Xã Hòa Kiến' }, polygon(bowTie(109.6, 13.6, 109.62, 13.62))),
        ]),
      ),
    );
    const before = currentAreas();
    const { status, stderr } = run(file, '--code-property', 'MA_XA', '--name-property', 'TEN_XA');
    expect(status).toBe(1);
    expect(stderr).toContain('Nothing was imported: the file has 1 problem.');
    expect(stderr).toContain(
      '- features.2.geometry.coordinates.0: feature 3 (code "ward-x"): ring 0 (the outer ring) crosses itself at 109.61, 13.61 (lng, lat)',
    );
    expect(currentAreas()).toBe(before);
  });

  it('exits 1 on a file that is not GeoJSON', () => {
    const file = path.join(dir, 'wards.kml');
    writeFileSync(file, '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>');
    const { status, stderr } = run(file, '--code-property', 'ma', '--name-property', 'ten');
    expect(status).toBe(1);
    expect(stderr).toMatch(/The file is a KML file\. Expected a GeoJSON FeatureCollection/);
  });
});

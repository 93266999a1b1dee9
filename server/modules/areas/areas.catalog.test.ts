import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction, migrateDatabase, openDatabase, type Db } from '../../db/client';
import { FakeClock } from '../../domain/clock';
import { TEST_NOW } from '../../test/app';
import { seedTestCity } from '../../test/city';
import { AuditService, SCRIPT_ACTOR } from '../audit/audit.service';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CONFIG_CHECK_MS, CatalogService } from '../catalog/catalog.service';
import { RoutingService } from '../routing/routing.service';
import { createAreasService, type AreasService } from './areas.service';
import { collection, feature, polygon, rect } from '../../test/geojson';

// Two connections to one database file, as the server and the import-areas script have.
const MOVED = { lat: 13.07, lng: 109.305 };
const NEW_SURVEY = collection([
  feature({ ma: 'ward-west', ten: 'Phường Tây (mới)' }, polygon(rect(109.25, 13.05, 109.31, 13.1))),
  feature({ ma: 'ward-east', ten: 'Phường Đông (mới)' }, polygon(rect(109.31, 13.05, 109.35, 13.1))),
]);
const OPTIONS = { codeProperty: 'ma', nameProperty: 'ten' };

let dir: string;
let server: { db: Db; clock: FakeClock; catalog: CatalogService; routing: RoutingService; areas: AreasService };
let script: { db: Db; areas: AreasService };

function open(file: string, clock: FakeClock) {
  const db = openDatabase(file);
  const catalog = new CatalogService(new CatalogRepository(db), clock);
  return {
    db,
    clock,
    catalog,
    routing: new RoutingService(catalog),
    areas: createAreasService(db, catalog, new AuditService(db, clock), clock),
  };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'beacon-areas-'));
  const file = path.join(dir, 'beacon.db');
  server = open(file, new FakeClock(TEST_NOW));
  migrateDatabase(server.db);
  await seedTestCity(server.db);
  script = open(file, new FakeClock(TEST_NOW));
});
afterEach(() => {
  try {
    server?.db.$client.close();
    script?.db.$client.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const wardAt = (point: { lat: number; lng: number }) => server.routing.route(point, 'potholes').area?.nameVi ?? null;
const rows = (db: Db) => db.get<{ n: number }>(sql`select count(*) as n from areas`)!.n;

describe('the catalog snapshot', () => {
  it('picks up boundaries imported by another process within a few seconds, without a restart', () => {
    expect(wardAt(MOVED)).toBe('Phường Đông');
    script.areas.importCollection(NEW_SURVEY, OPTIONS, SCRIPT_ACTOR);
    // The server checks the configuration version at most every CONFIG_CHECK_MS.
    expect(wardAt(MOVED)).toBe('Phường Đông');
    server.clock.advance(CONFIG_CHECK_MS);
    expect(wardAt(MOVED)).toBe('Phường Tây (mới)');
  });

  it('is not kept when built inside a transaction that rolls back (a failed configuration import)', () => {
    expect(wardAt(MOVED)).toBe('Phường Đông');
    expect(() =>
      inTransaction(server.db, () => {
        server.areas.importCollection(NEW_SURVEY, OPTIONS, SCRIPT_ACTOR);
        // Inside the outer change, routing already sees the new boundaries ...
        expect(wardAt(MOVED)).toBe('Phường Tây (mới)');
        throw new Error('a later part of the configuration is invalid');
      }),
    ).toThrow('a later part');
    // ... and after the rollback, the old ones again, at once.
    expect(wardAt(MOVED)).toBe('Phường Đông');
    expect(rows(server.db)).toBe(2);
  });

  it('a dry run reports what would change and writes nothing', () => {
    const version = new CatalogRepository(server.db).configVersion();
    const result = script.areas.importCollection(NEW_SURVEY, OPTIONS, SCRIPT_ACTOR, { dryRun: true });
    expect(result).toMatchObject({ imported: 2, superseded: 2, retired: 0 });
    expect(rows(server.db)).toBe(2);
    expect(server.db.get<{ n: number }>(sql`select count(*) as n from audit_log`)!.n).toBe(0);
    expect(new CatalogRepository(server.db).configVersion()).toBe(version);
  });
});

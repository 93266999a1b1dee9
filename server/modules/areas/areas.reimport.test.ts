import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';
import { collection, feature, fileBytes, polygon, postAreaFile, rect } from '../../test/geojson';

// The test city: "ward-west" 109.25-109.30 and "ward-east" 109.30-109.35 (lat 13.05-13.10). The new
// survey moves their shared edge east to 109.31, so the strip 109.30-109.31 changes ward.
const MOVED = { lat: 13.07, lng: 109.305 };
const NEW_SURVEY = collection([
  feature({ ma: 'ward-west', ten: 'Phường Tây (ranh giới mới)' }, polygon(rect(109.25, 13.05, 109.31, 13.1))),
  feature({ ma: 'ward-east', ten: 'Phường Đông (ranh giới mới)' }, polygon(rect(109.31, 13.05, 109.35, 13.1))),
]);

let t: TestApp;
let admin: string;
let operator: string;
beforeEach(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
  operator = await t.login('operator');
});
afterEach(() => t.close());

const importAreas = (value: unknown, fields: Record<string, string> = {}) =>
  postAreaFile(
    t.app,
    admin,
    '/api/admin/areas/import',
    fileBytes(value),
    { codeProperty: 'ma', nameProperty: 'ten', ...fields },
    { name: 'survey.geojson', type: 'application/geo+json' },
  );
const filePothole = async (point: { lat: number; lng: number }) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({ categoryCode: 'potholes', ...point }),
    })
  ).json();
const staffView = async (id: number) =>
  (await t.app.inject({ method: 'GET', url: `/api/reports/${id}`, headers: { cookie: operator } })).json();
const adminAreas = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/admin/areas', headers: { cookie: admin } })).json().items as {
    code: string;
    name: { vi: string };
    status: string;
    validFrom: string;
    validTo: string | null;
  }[];
const areaRows = () => t.db.get<{ n: number }>(sql`select count(*) as n from areas`)!.n;

describe('re-importing boundaries', () => {
  it('routes new reports by the new boundaries while old reports keep the ward they were filed in', async () => {
    const before = await filePothole(MOVED);
    expect(before.area).toEqual({ code: 'ward-east', name: 'Phường Đông' });
    expect(before.unit.id).toBe(t.ids.units.roads);

    const res = await importAreas(NEW_SURVEY);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ imported: 2, superseded: 2, retired: 0, validFrom: new Date(TEST_NOW).toISOString() });

    const after = await filePothole(MOVED);
    expect(after.area).toEqual({ code: 'ward-west', name: 'Phường Tây (ranh giới mới)' });
    // The west ward's own rule (by code) still applies to the new boundary.
    expect(after.unit.id).toBe(t.ids.units.westCommittee);
    expect((await filePothole(TEST_CITY.insideEast)).area).toEqual({
      code: 'ward-east',
      name: 'Phường Đông (ranh giới mới)',
    });

    expect((await staffView(before.id)).area).toEqual({ code: 'ward-east', name: 'Phường Đông' });

    const list = await adminAreas();
    expect(list.filter((a) => a.code === 'ward-east').map((a) => [a.name.vi, a.status, a.validTo])).toEqual([
      ['Phường Đông (ranh giới mới)', 'current', null],
      ['Phường Đông', 'past', new Date(TEST_NOW).toISOString()],
    ]);
  });

  it('with retireMissing, ends the areas missing from the file: their points go to the IOC', async () => {
    const westOnly = collection([NEW_SURVEY.features[0]]);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/admin/areas/preview?codeProperty=ma&nameProperty=ten',
      payload: fileBytes(westOnly),
      headers: { 'content-type': 'application/geo+json', cookie: admin },
    });
    expect(preview.json()).toMatchObject({ replaces: ['ward-west'], adds: [], retires: ['ward-east'] });

    const res = await importAreas(westOnly, { retireMissing: 'true' });
    expect(res.json()).toMatchObject({ imported: 1, superseded: 1, retired: 1 });
    const report = await filePothole({ lat: 13.07, lng: 109.33 });
    expect(report.area).toBeNull();
    expect(report.unit.id).toBe(t.ids.units.ioc);
  });

  it('keeps areas missing from the file when retireMissing is not set', async () => {
    await importAreas(collection([NEW_SURVEY.features[0]]));
    expect((await filePothole({ lat: 13.07, lng: 109.33 })).area).toEqual({ code: 'ward-east', name: 'Phường Đông' });
  });
});

describe('future-dated boundaries', () => {
  const DEC_1 = Date.parse('2026-12-01T00:00:00+07:00');

  it('take effect on their date without a restart, the old ones routing until then', async () => {
    const res = await importAreas(NEW_SURVEY, { validFrom: '2026-12-01' });
    expect(res.json()).toMatchObject({ imported: 2, superseded: 2, validFrom: new Date(DEC_1).toISOString() });

    const list = await adminAreas();
    expect(list.filter((a) => a.code === 'ward-west').map((a) => [a.status, a.validFrom, a.validTo])).toEqual([
      ['scheduled', new Date(DEC_1).toISOString(), null],
      ['current', new Date(0).toISOString(), new Date(DEC_1).toISOString()],
    ]);

    expect((await filePothole(MOVED)).area.code).toBe('ward-east');
    t.clock.set(DEC_1 - 1);
    expect((await filePothole(MOVED)).area.code).toBe('ward-east');
    t.clock.set(DEC_1);
    const onTheDay = await filePothole(MOVED);
    expect(onTheDay.area).toEqual({ code: 'ward-west', name: 'Phường Tây (ranh giới mới)' });
    expect(onTheDay.unit.id).toBe(t.ids.units.westCommittee);
  });

  it('cannot be undercut by an import starting before them; one on the same date replaces them', async () => {
    await importAreas(NEW_SURVEY, { validFrom: '2026-12-01' });
    const rows = areaRows();
    const earlier = await importAreas(NEW_SURVEY, { validFrom: '2026-11-25' });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().errors[0]).toEqual({
      path: 'validFrom',
      message:
        'the boundaries of "ward-east" already run from 2026-11-30T17:00:00.000Z, after validFrom 2026-11-24T17:00:00.000Z; new boundaries must start on or after the ones they replace',
    });
    expect(areaRows()).toBe(rows);

    const corrected = collection([
      feature({ ma: 'ward-west', ten: 'Phường Tây (bản sửa)' }, polygon(rect(109.25, 13.05, 109.31, 13.1))),
    ]);
    expect((await importAreas(corrected, { validFrom: '2026-12-01' })).statusCode).toBe(201);
    t.clock.set(DEC_1 + 60_000);
    expect((await filePothole(MOVED)).area.name).toBe('Phường Tây (bản sửa)');
    admin = await t.login('admin'); // a week later: a new session
    const west = (await adminAreas()).filter((a) => a.code === 'ward-west');
    expect(west.map((a) => [a.name.vi, a.status])).toEqual([
      ['Phường Tây (bản sửa)', 'current'],
      ['Phường Tây (ranh giới mới)', 'past'],
      ['Phường Tây', 'past'],
    ]);
  });
});

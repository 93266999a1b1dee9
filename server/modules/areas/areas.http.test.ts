import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import {
  bowTie,
  collection,
  feature,
  fileBytes,
  multiPolygon,
  polygon,
  postAreaFile,
  rect,
  wardGrid,
  wavyRing,
  type Pos,
} from '../../test/geojson';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const GEOJSON = 'application/geo+json';
type Fields = Record<string, string>;

/** Posts a file as the admin. */
const send = (url: string, bytes: Buffer, fields: Fields = {}, file?: { name: string; type: string }) =>
  postAreaFile(t.app, admin, url, bytes, fields, file);
const importFile = (value: unknown, fields: Fields = { codeProperty: 'ma', nameProperty: 'ten' }) =>
  send('/api/admin/areas/import', Buffer.isBuffer(value) ? value : fileBytes(value), fields);
const previewFile = (value: unknown, fields: Fields = {}) =>
  send('/api/admin/areas/preview', Buffer.isBuffer(value) ? value : fileBytes(value), fields);

const count = (table: string) => t.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;
const counts = () => ({ areas: count('areas'), audit: count('audit_log'), settings: count('settings') });
const file = async (lat: number, lng: number) =>
  (await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody({ lat, lng }) })).json();

// A ward with ~4,000 vertices in two parts (the mainland with a lake-shaped hole, and an island), and
// the commune filling the hole; their names carry Vietnamese diacritics.
const TUY_HOA_CENTRE: Pos = [109.2, 13.3];
const outer = wavyRing(...TUY_HOA_CENTRE, 0.05, 3000);
const hole = wavyRing(...TUY_HOA_CENTRE, 0.012, 1000, true);
const island = rect(109.3, 13.25, 109.32, 13.27);
const TUY_HOA = collection([
  feature(
    { ma: '22015', ten: 'Phường Tuy Hòa', name_en: 'Tuy Hoa Ward', dan_so: 52310 },
    multiPolygon([outer, hole], [island]),
  ),
  feature(
    { ma: '22036', ten: 'Xã Hòa Kiến', name_en: 'Hoa Kien Commune', dan_so: 11204 },
    polygon([...hole].reverse()),
  ),
]);

describe('POST /api/admin/areas/preview', () => {
  it('lists the properties with examples and suggests the code and name, for a file with Vietnamese names', async () => {
    const res = await previewFile(wardGrid(10, 10, 1200));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      features: 100,
      suggested: { code: 'MA_XA', name: 'TEN_XA', nameEn: 'NAME_EN' },
      used: { code: 'MA_XA', name: 'TEN_XA', nameEn: 'NAME_EN' },
      errors: [],
      replaces: [],
      retires: ['ward-east', 'ward-west'],
    });
    expect(body.adds).toHaveLength(100);
    expect(body.properties).toContainEqual({
      name: 'TEN_XA',
      examples: ['Phường Hòa Xuân 0', 'Phường Hòa Xuân 1', 'Phường Hòa Xuân 2'],
    });
    expect(body.vertices).toBeGreaterThan(100 * 1100);
  });

  it('sends a simplified copy for the map, small enough for a phone', async () => {
    const res = await previewFile(wardGrid(10, 10, 1200));
    const preview = res.json().preview;
    const vertices = preview.features.reduce(
      (n: number, f: { geometry: { coordinates: Pos[][] } }) => n + f.geometry.coordinates[0]!.length - 1,
      0,
    );
    expect(vertices).toBeLessThanOrEqual(20_000);
    expect(res.body.length).toBeLessThan(600_000);
    expect(preview.features[3].properties).toMatchObject({
      index: 3,
      code: 'ward-3',
      name: 'Phường Hòa Xuân 3',
      action: 'add',
    });
  });

  it('says which codes an import would replace, and lists problems per feature with their code', async () => {
    const res = await previewFile(
      collection([
        feature({ ma: 'ward-west', ten: 'Phường Tây' }, polygon(rect(109.25, 13.05, 109.31, 13.1))),
        feature({ ma: 'phu-lam', ten: 'Phường Phú Lâm' }, polygon(bowTie(109.26, 13.06, 109.29, 13.09))),
      ]),
      { codeProperty: 'ma', nameProperty: 'ten' },
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.replaces).toEqual(['ward-west']);
    expect(body.adds).toEqual(['phu-lam']);
    expect(body.errors).toEqual([
      {
        feature: 1,
        code: 'phu-lam',
        path: 'features.1.geometry.coordinates.0',
        message: 'ring 0 (the outer ring) crosses itself at 109.275, 13.075 (lng, lat)',
      },
    ]);
    // The invalid shape is still drawn, flagged, so the admin sees where the problem is.
    expect(body.preview.features[1].properties).toMatchObject({ code: 'phu-lam', problems: 1 });
    expect(body.preview.features[1].geometry.type).toBe('Polygon');
  });
});

describe('POST /api/admin/areas/import', () => {
  it('imports a MultiPolygon with a hole and thousands of vertices; reports route by it', async () => {
    const before = counts();
    const res = await importFile(TUY_HOA, {
      codeProperty: 'ma',
      nameProperty: 'ten',
      nameEnProperty: 'name_en',
      note: 'Sở TN&MT 2025',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ imported: 2, superseded: 0, retired: 0, validFrom: new Date(TEST_NOW).toISOString() });
    expect(count('areas')).toBe(before.areas + 2);

    // The ring between mainland and lake is the ward, the lake is the commune, the island is the ward.
    expect((await file(13.3, 109.2 + 0.03)).area).toEqual({ code: '22015', name: 'Phường Tuy Hòa' });
    expect((await file(13.3, 109.2)).area).toEqual({ code: '22036', name: 'Xã Hòa Kiến' });
    expect((await file(13.26, 109.31)).area).toEqual({ code: '22015', name: 'Phường Tuy Hòa' });
    expect((await file(13.3, 109.2 + 0.2)).area).toBeNull();

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/areas', headers: { cookie: admin } });
    const tuyHoa = list.json().items.find((a: { code: string }) => a.code === '22015');
    expect(tuyHoa).toMatchObject({
      name: { vi: 'Phường Tuy Hòa', en: 'Tuy Hoa Ward' },
      note: 'Sở TN&MT 2025',
      status: 'current',
      validTo: null,
      vertices: 3000 + 1000 + 4,
    });
    expect(tuyHoa.bbox[0]).toBeCloseTo(109.2 - 0.05 * 1.11, 2);
    expect(tuyHoa).not.toHaveProperty('geometry');
  });

  it('records the import in the audit log as a summary, never the geometry', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/audit?entity=area', headers: { cookie: admin } });
    const [entry] = res.json().items;
    expect(entry).toMatchObject({ actor: 'admin', entity: 'area', action: 'import' });
    expect(entry.after).toMatchObject({
      imported: 2,
      codes: ['22015', '22036'],
      added: ['22015', '22036'],
      superseded: 0,
    });
    expect(entry.after.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(entry)).not.toContain('109.2');
  });

  it('accepts the GeoJSON as the raw body with the options in the query string', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/areas/import?codeProperty=code&nameProperty=name&validFrom=2026-11-23',
      payload: fileBytes(
        collection([feature({ code: 'an-phu', name: 'Phường An Phú' }, polygon(rect(109.5, 13.5, 109.52, 13.52)))]),
      ),
      headers: { 'content-type': GEOJSON, cookie: admin },
    });
    expect(res.statusCode).toBe(201);
    // A date alone is midnight in Vietnam.
    expect(res.json()).toMatchObject({ imported: 1, validFrom: '2026-11-22T17:00:00.000Z' });
    expect((await file(13.51, 109.51)).area).toEqual({ code: 'an-phu', name: 'Phường An Phú' });
  });

  it('accepts JSON with the collection under "geojson" and the options beside it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/areas/preview',
      payload: { geojson: TUY_HOA, codeProperty: 'ma', nameProperty: 'ten' },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ features: 2, replaces: ['22015', '22036'], adds: [] });
  });

  it('is for admins only', async () => {
    const operator = await t.login('operator');
    const asOperator = await postAreaFile(
      t.app,
      operator,
      '/api/admin/areas/import',
      fileBytes(TUY_HOA),
      { codeProperty: 'ma', nameProperty: 'ten' },
      { name: 'x.geojson', type: GEOJSON },
    );
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/admin/areas' });
    expect(asOperator.statusCode).toBe(403);
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('a file that is not a GeoJSON FeatureCollection is refused, and nothing is written', () => {
  const zip = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
    Buffer.from('wards.shp wards.dbf wards.prj'),
  ]);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const kml = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Phường Tuy Hòa</name></Placemark></Document></kml>',
  );
  const csv = Buffer.from('ma,ten,lat,lng\n22015,Phường Tuy Hòa,13.09,109.3\n');
  const text = Buffer.from('Ranh giới phường Tuy Hòa theo Nghị quyết 1663/NQ-UBTVQH15\n');
  const latin1 = Buffer.concat([
    Buffer.from('{"type":"FeatureCollection","features":[{"properties":{"ten":"Ph'),
    Buffer.from([0xf9, 0xf2]),
    Buffer.from('"}}]}'),
  ]);
  const cases: [string, Buffer, number, RegExp][] = [
    [
      'a zipped shapefile',
      zip,
      415,
      /The file is a ZIP archive \(a zipped shapefile.*Expected a GeoJSON FeatureCollection/,
    ],
    ['a PNG image', png, 415, /The file is a PNG image\. Expected a GeoJSON FeatureCollection/],
    ['a KML file', kml, 415, /The file is a KML file\. Expected a GeoJSON FeatureCollection/],
    ['a CSV file', csv, 415, /The file is CSV or other delimited text\. Expected a GeoJSON FeatureCollection/],
    ['plain text', text, 415, /The file is plain text\. Expected a GeoJSON FeatureCollection/],
    ['an empty file', Buffer.alloc(0), 422, /The form has no file|The file is empty/],
    ['text that is not UTF-8', latin1, 422, /not UTF-8 text.*export it again with encoding UTF-8/],
    [
      'a truncated file',
      fileBytes(TUY_HOA).subarray(0, 5000),
      422,
      /The file is not valid JSON: .* at line 1, column 4997 \(the file ends there: is it complete\?\)/,
    ],
    [
      'JSON with NaN (as Python writes it)',
      Buffer.from(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[NaN,13]]]}}]}',
      ),
      422,
      /NaN and Infinity are not allowed in JSON/,
    ],
    [
      'a JSON array',
      fileBytes([TUY_HOA.features[0]]),
      422,
      /This is a JSON array, not an object\. Expected a GeoJSON FeatureCollection/,
    ],
    [
      'a single Feature',
      fileBytes(TUY_HOA.features[0]),
      422,
      /This is a single GeoJSON Feature; put it in a collection/,
    ],
    ['a bare geometry', fileBytes(polygon(rect(0, 0, 1, 1))), 422, /a bare Polygon geometry without properties/],
    ['TopoJSON', fileBytes({ type: 'Topology', objects: {}, arcs: [] }), 422, /TopoJSON; convert it to GeoJSON/],
    ['an empty collection', fileBytes(collection([])), 422, /has no features: nothing to import/],
    [
      'VN-2000 coordinates declared in crs',
      fileBytes({ ...TUY_HOA, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3405' } } }),
      422,
      /declares the coordinate system urn:ogc:def:crs:EPSG::3405.*EPSG:4326/,
    ],
  ];
  it.each(cases)('refuses %s with a message saying what was expected', async (_name, bytes, status, message) => {
    const before = counts();
    for (const url of ['/api/admin/areas/import', '/api/admin/areas/preview']) {
      const res = await send(
        url,
        bytes,
        { codeProperty: 'ma', nameProperty: 'ten' },
        { name: 'upload', type: 'application/octet-stream' },
      );
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toMatch(message);
      expect(res.json().errors[0].path).toMatch(/^(file|type|features|crs)$/);
    }
    expect(counts()).toEqual(before);
  });

  it('judges a raw body by its bytes, whatever Content-Type it claims', async () => {
    const before = counts();
    for (const [type, bytes] of [
      ['application/json', zip],
      ['image/png', png],
      ['text/plain', text],
      ['application/vnd.google-earth.kml+xml', kml],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/areas/import?codeProperty=ma&nameProperty=ten',
        payload: bytes,
        headers: { 'content-type': type, cookie: admin },
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().detail).toMatch(/Expected a GeoJSON FeatureCollection/);
    }
    expect(counts()).toEqual(before);
  });
});

describe('a FeatureCollection with invalid features is refused as a whole, naming each problem', () => {
  const good = feature({ ma: 'hoa-xuan', ten: 'Phường Hòa Xuân' }, polygon(wavyRing(109.6, 13.6, 0.02, 2000)));
  const withBad = (bad: unknown) => collection([good, bad]);
  const ward = (geometry: unknown) => feature({ ma: 'binh-kien', ten: 'Phường Bình Kiến' }, geometry);
  const cases: [string, unknown, string, RegExp][] = [
    [
      'an unclosed ring',
      ward(
        polygon([
          [109.6, 13.6],
          [109.61, 13.6],
          [109.61, 13.61],
          [109.6, 13.61],
        ]),
      ),
      'features.1.geometry.coordinates.0',
      /feature 2 \(code "binh-kien"\): ring 0 \(the outer ring\) is not closed/,
    ],
    [
      'a ring of too few points',
      ward(
        polygon([
          [109.6, 13.6],
          [109.61, 13.6],
          [109.6, 13.6],
        ]),
      ),
      'features.1.geometry.coordinates.0',
      /needs at least 4/,
    ],
    [
      'a bow-tie',
      ward(polygon(bowTie(109.6, 13.6, 109.62, 13.62))),
      'features.1.geometry.coordinates.0',
      /crosses itself at 109\.61, 13\.61 \(lng, lat\)/,
    ],
    [
      'a text coordinate',
      ward(
        polygon([
          [109.6, 13.6],
          ['109.61' as unknown as number, 13.6],
          [109.61, 13.61],
          [109.6, 13.6],
        ]),
      ),
      'features.1.geometry.coordinates.0.1',
      /has the text "109.61" where a number is expected/,
    ],
    [
      'a null coordinate',
      ward(
        polygon([
          [109.6, 13.6],
          [null as unknown as number, 13.6],
          [109.61, 13.61],
          [109.6, 13.6],
        ]),
      ),
      'features.1.geometry.coordinates.0.1',
      /has null where a number is expected/,
    ],
    [
      'swapped latitude and longitude',
      ward(
        polygon([
          [13.6, 109.6],
          [13.6, 109.61],
          [13.61, 109.61],
          [13.6, 109.6],
        ]),
      ),
      'features.1.geometry.coordinates.0.0',
      /looks like \[latitude, longitude\]/,
    ],
    [
      'a longitude out of range',
      ward(
        polygon([
          [189.6, 13.6],
          [189.61, 13.6],
          [189.61, 13.61],
          [189.6, 13.6],
        ]),
      ),
      'features.1.geometry.coordinates.0.0',
      /out of range/,
    ],
    [
      'a hole outside its ring',
      ward(polygon(rect(109.6, 13.6, 109.61, 13.61), rect(109.7, 13.7, 109.71, 13.71))),
      'features.1.geometry.coordinates.1',
      /ring 1 \(a hole\) lies outside the outer ring/,
    ],
    [
      'a LineString',
      ward({
        type: 'LineString',
        coordinates: [
          [109.6, 13.6],
          [109.61, 13.61],
        ],
      }),
      'features.1.geometry.type',
      /is a LineString geometry; only Polygon and MultiPolygon/,
    ],
    ['no geometry', ward(null), 'features.1.geometry', /has no geometry/],
    ['something that is not a Feature', { type: 'Polygon', coordinates: [] }, 'features.1', /is not a GeoJSON Feature/],
    [
      'a duplicate code',
      feature({ ma: 'hoa-xuan', ten: 'Phường Hòa Xuân (cũ)' }, polygon(rect(109.7, 13.7, 109.71, 13.71))),
      'features.1.properties.ma',
      /the code "hoa-xuan" is also used by feature 1; codes must be unique/,
    ],
    [
      'a missing name',
      feature({ ma: 'binh-kien' }, polygon(rect(109.7, 13.7, 109.71, 13.71))),
      'features.1.properties.ten',
      /feature 2 \(code "binh-kien"\): the property "ten" is missing/,
    ],
    [
      'an empty code',
      feature({ ma: '  ', ten: 'Phường Bình Kiến' }, polygon(rect(109.7, 13.7, 109.71, 13.71))),
      'features.1.properties.ma',
      /the code property "ma" is empty/,
    ],
  ];
  it.each(cases)('refuses %s with 422 naming it, and writes nothing', async (_name, bad, path, message) => {
    const before = counts();
    const res = await importFile(withBad(bad));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.detail).toMatch(/^Nothing was imported: the file has 1 problem\. First: feature 2/);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].path).toBe(path);
    expect(body.errors[0].message).toMatch(message);
    expect(counts()).toEqual(before);
  });

  it('lists every problem of a file with many, capped, and says how many more', async () => {
    const before = counts();
    const bad = Array.from({ length: 250 }, (_, i) =>
      feature(
        { ma: `x-${i}`, ten: `Xã ${i}` },
        polygon([
          [109, 13],
          [110, 13],
          [109, 13],
        ]),
      ),
    );
    const res = await importFile(collection([good, ...bad]));
    expect(res.statusCode).toBe(422);
    const { errors, detail } = res.json();
    expect(detail).toMatch(/the file has 250 problems/);
    expect(errors).toHaveLength(201);
    expect(errors[200]).toEqual({ path: 'features', message: '… and 50 more problem(s) not listed' });
    expect(counts()).toEqual(before);
  });

  it('says once when the chosen property is on no feature, listing the properties there are', async () => {
    const res = await importFile(wardGrid(3, 3, 40), { codeProperty: 'ma', nameProperty: 'TEN_XA' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      {
        path: 'features.*.properties.ma',
        message: 'no feature has the property "ma"; the properties found are "MA_XA", "TEN_XA", "NAME_EN"',
      },
    ]);
  });

  it('requires the code and name properties to be chosen', async () => {
    const res = await importFile(TUY_HOA, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['codeProperty', 'nameProperty']);
  });

  it('refuses a validFrom that is not a date', async () => {
    const res = await importFile(TUY_HOA, { codeProperty: 'ma', nameProperty: 'ten', validFrom: '01/12/2026' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'validFrom', message: 'must be a date YYYY-MM-DD or an ISO date-time' },
    ]);
  });
});

describe('size limit', () => {
  it('refuses a file above AREA_IMPORT_MAX_MB with 413 as multipart or raw body', async () => {
    const small = await buildTestApp({ areaImportMaxBytes: 50_000 });
    try {
      const cookie = await small.login('admin');
      const big = fileBytes(TUY_HOA);
      const asForm = await postAreaFile(
        small.app,
        cookie,
        '/api/admin/areas/import',
        big,
        { codeProperty: 'ma', nameProperty: 'ten' },
        { name: 'big.geojson', type: GEOJSON },
      );
      const asBody = await small.app.inject({
        method: 'POST',
        url: '/api/admin/areas/preview',
        payload: big,
        headers: { 'content-type': GEOJSON, cookie },
      });
      for (const res of [asForm, asBody]) {
        expect(res.statusCode).toBe(413);
        expect(res.json().detail).toMatch(/^The file is larger than 49 KB \(the server's AREA_IMPORT_MAX_MB\)/);
      }
      expect(small.db.get<{ n: number }>(sql`select count(*) as n from areas`)!.n).toBe(2);
    } finally {
      await small.close();
    }
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateReportInput } from '../../../shared/schemas/reports';
import { reports } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { buildTestAppAs, type Api } from '../../test/api';
import { reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';
import {
  askQuestions,
  checkCreated,
  checkDefinition,
  checkDiscovery,
  checkErrors,
  checkRequests,
  checkServices,
  getBoth,
  issueApiKey,
  jsonAsText,
  parseXml,
  postRequest,
  xmlAsJson,
} from '../../test/open311';

const DAY = 86_400_000;
type Req = Record<string, unknown> & { service_request_id: string };

let t: TestApp;
let call: Api;
let key: string;

/** Files a report through the web form's service at `at` (the clock is put back to TEST_NOW after). */
async function file(at: number, overrides: Record<string, unknown> = {}): Promise<string> {
  t.clock.set(at);
  const body = reportBody({ attributes: { pole_number: 'P-1' }, ...overrides });
  if (body.categoryCode !== 'street_lighting') delete (body as { attributes?: unknown }).attributes;
  const { result } = await t.services.reports.create(CreateReportInput.parse(body), {
    channel: 'web',
  });
  t.clock.set(TEST_NOW);
  return result.trackingCode;
}

const idsOf = (list: unknown) => (list as Req[]).map((r) => r.service_request_id);

/** GET requests in both formats: the same list in each, valid by the validator's rules; returns the ids. */
async function requestIds(query = ''): Promise<string[]> {
  const res = await getBoth(t, 'requests', query);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  expect(res.xml.name).toBe('service_requests');
  checkRequests(res.json as Req[]);
  expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
  return idsOf(res.json);
}

async function errorsOf(url: string, status: number): Promise<string[]> {
  const json = await t.app.inject({ method: 'GET', url: `/open311/v2/${url.replace('{f}', 'json')}` });
  const xml = await t.app.inject({ method: 'GET', url: `/open311/v2/${url.replace('{f}', 'xml')}` });
  const a = checkErrors(json, status, 'json');
  expect(checkErrors(xml, status, 'xml').map((d) => d.replace('.xml', '.json'))).toEqual(a);
  return a;
}

beforeAll(async () => {
  ({ t, call } = await buildTestAppAs('admin', 'operator'));
  key = (await issueApiKey(call, 'Ứng dụng Phản ánh')).key;
  await askQuestions(call);
});
afterAll(() => t.close());

describe('discovery', () => {
  it('answers in XML and JSON with the validator’s fields and content types', async () => {
    const res = await getBoth(t, 'discovery');
    expect(res.status).toBe(200);
    checkDiscovery(res.json);
    expect(res.xml.name).toBe('discovery');
    expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
    expect(res.raw.xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(res.raw.xml.body).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });
});

describe('services', () => {
  it('lists the active categories with the specification’s fields, codes as strings', async () => {
    const res = await getBoth(t, 'services');
    expect(res.status).toBe(200);
    const list = res.json as { service_code: string; metadata: boolean; service_name: string }[];
    checkServices(list);
    expect(res.xml.name).toBe('services');
    expect(res.xml.children.every((c) => c.name === 'service')).toBe(true);
    expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
    expect(list.map((s) => [s.service_code, s.metadata, s.service_name]).sort()).toEqual([
      ['potholes', false, 'Ổ gà'],
      ['street_lighting', true, 'Đèn đường không sáng'],
    ]);
  });

  it('gives a definition: each question an attribute with its datatype, order and values', async () => {
    const res = await getBoth(t, 'services/street_lighting');
    expect(res.status).toBe(200);
    checkDefinition(res.json, 'street_lighting');
    expect(res.xml.name).toBe('service_definition');
    expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
    const attrs = (res.json as { attributes: Record<string, unknown>[] }).attributes;
    expect(attrs.map((a) => [a.code, a.datatype, a.required, a.order, a.variable])).toEqual([
      ['pole_number', 'string', true, 1, true],
      ['lamp_count', 'number', false, 2, true],
      ['noticed_at', 'datetime', false, 3, true],
      ['details', 'text', false, 4, true],
      ['kind', 'singlevaluelist', false, 5, true],
      ['when', 'multivaluelist', false, 6, true],
    ]);
    expect(attrs[0]).toMatchObject({ description: 'Số cột đèn', datatype_description: 'Số sơn trên cột' });
    expect(attrs[4]!.values).toEqual([
      { key: 'off', name: 'Không sáng' },
      { key: 'flicker', name: 'Nhấp nháy' },
    ]);
    expect(res.raw.xml.body).toContain('<values><value><key>off</key><name>Không sáng</name></value>');
    const none = await getBoth(t, 'services/potholes');
    expect(none.json).toEqual({ service_code: 'potholes', attributes: [] });
  });

  it('answers 404 for an unknown or retired service, and leaves a retired one out of the list', async () => {
    expect((await errorsOf('services/nope.{f}', 404))[0]).toMatch(/nope/);
    const off = await call('admin', 'PATCH', '/api/admin/categories/potholes', { active: false });
    expect(off.statusCode).toBe(200);
    await errorsOf('services/potholes.{f}', 404);
    expect(((await getBoth(t, 'services')).json as unknown[]).length).toBe(1);
    await call('admin', 'PATCH', '/api/admin/categories/potholes', { active: true });
  });
});

describe('unknown resources and formats', () => {
  it('answers 404 in the format asked, XML when the format itself is unknown', async () => {
    await errorsOf('nothing.{f}', 404);
    await errorsOf('tokens/abc.{f}', 404);
    await errorsOf('requests/TH-0000-XXXXXX.{f}', 404);
    await errorsOf('a/b/c.{f}', 404);
    const csv = await t.app.inject({ method: 'GET', url: '/open311/v2/services.csv' });
    checkErrors(csv, 404, 'xml');
    const bare = await t.app.inject({ method: 'GET', url: '/open311/v2/services' });
    checkErrors(bare, 404, 'xml');
    const post = await t.app.inject({ method: 'POST', url: '/open311/v2/services.json', payload: {} });
    checkErrors(post, 404, 'json');
  });
});

describe('GET requests', () => {
  let recent: string;
  let old: string;
  let lastWeek: string;
  let pothole: string;

  beforeAll(async () => {
    old = await file(TEST_NOW - 91 * DAY);
    lastWeek = await file(TEST_NOW - 7 * DAY, { categoryCode: 'potholes', ...TEST_CITY.insideEast });
    pothole = await file(TEST_NOW - 2 * DAY, { categoryCode: 'potholes' });
    recent = await file(TEST_NOW - DAY, { attributes: { pole_number: 'C-12' } });
  });

  it('gives the last 90 days by default, newest first, with ids, codes and UTC dates as the spec writes them', async () => {
    const ids = await requestIds();
    expect(ids).toEqual(expect.arrayContaining([recent, pothole, lastWeek]));
    expect(ids).not.toContain(old);
    expect(ids.indexOf(recent)).toBeLessThan(ids.indexOf(pothole));
    const one = ((await getBoth(t, 'requests', `service_request_id=${recent}`)).json as Req[])[0]!;
    expect(one).toMatchObject({
      service_request_id: recent,
      status: 'open',
      service_code: 'street_lighting',
      service_name: 'Đèn đường không sáng',
      agency_responsible: 'Công ty Chiếu sáng',
      requested_datetime: new Date(TEST_NOW - DAY).toISOString(),
      lat: 13.07,
      long: 109.27,
      address_id: null,
      zipcode: null,
    });
    const row = t.services.reports.findByTrackingCode(recent)!;
    expect(one.expected_datetime).toBe(new Date(row.dueAt).toISOString());
  });

  it('takes dates in any timezone, and refuses one without a timezone or not a date', async () => {
    // 2 days before TEST_NOW at 09:00 +07:00 is 02:00Z; +07:00 and the same instant in UTC agree.
    const from = new Date(TEST_NOW - 3 * DAY).toISOString();
    const local = new Date(TEST_NOW - 3 * DAY + 7 * 3_600_000).toISOString().replace('.000Z', '+07:00');
    expect(await requestIds(`start_date=${encodeURIComponent(from)}`)).toEqual([recent, pothole]);
    expect(await requestIds(`start_date=${encodeURIComponent(local)}`)).toEqual([recent, pothole]);
    const until = encodeURIComponent(new Date(TEST_NOW - 1.5 * DAY).toISOString());
    expect(await requestIds(`start_date=${encodeURIComponent(from)}&end_date=${until}`)).toEqual([pothole]);
    const before = await requestIds(`end_date=${encodeURIComponent(new Date(TEST_NOW - 90 * DAY).toISOString())}`);
    expect(before).toEqual([old]);
    for (const bad of ['2026-11-20T10:00:00', 'yesterday', '2026-13-01T00:00:00Z'])
      expect((await errorsOf(`requests.{f}?start_date=${encodeURIComponent(bad)}`, 400))[0]).toMatch(/start_date/);
    await errorsOf(`requests.{f}?start_date=${encodeURIComponent(from)}&end_date=2020-01-01T00:00:00Z`, 400);
    // At most 90 days at once; one date alone means the 90 days after or before it.
    const span = await errorsOf('requests.{f}?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z', 400);
    expect(span[0]).toMatch(/90 days/);
    const oldDay = new Date(TEST_NOW - 92 * DAY).toISOString();
    // 92 to 2 days ago: not the report of yesterday.
    expect(await requestIds(`start_date=${encodeURIComponent(oldDay)}`)).toEqual([pothole, lastWeek, old]);
    const farBack = encodeURIComponent(new Date(TEST_NOW - 200 * DAY).toISOString());
    expect(await requestIds(`start_date=${farBack}`)).toEqual([]);
  });

  it('reads an empty parameter as absent', async () => {
    const all = await requestIds();
    expect(
      await requestIds(
        'service_code=&status=&start_date=&end_date=&service_request_id=&page=&page_size=&lat=&long=&radius=&bbox=&extensions=&updated_after=&updated_before=',
      ),
    ).toEqual(all);
  });

  it('takes comma lists; service_request_id overrides the other filters', async () => {
    expect((await requestIds(`service_request_id=${recent},${old}`)).sort()).toEqual([recent, old].sort());
    expect(await requestIds(`service_request_id=${old}&status=closed&service_code=potholes`)).toEqual([old]);
    expect(await requestIds(`service_request_id=${recent}&service_request_id=${pothole}`)).toEqual([recent, pothole]);
    expect(await requestIds('service_code=potholes')).toEqual([pothole, lastWeek]);
    expect((await requestIds('service_code=potholes,street_lighting')).length).toBe(3);
    expect(await requestIds('service_code=nope')).toEqual([]);
  });

  it('filters by status open/closed', async () => {
    const cookie = call.cookies.operator!;
    const row = t.services.reports.findByTrackingCode(lastWeek)!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${row.id}/transitions`,
      headers: { cookie },
      payload: { action: 'reject', version: row.version, reason: 'Không phải sự cố' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await requestIds('status=closed')).toEqual([lastWeek]);
    expect(await requestIds('status=open')).toEqual([recent, pothole]);
    expect((await requestIds('status=open,closed')).length).toBe(3);
    expect((await errorsOf('requests.{f}?status=pending', 400))[0]).toMatch(/status/);
    const closed = ((await getBoth(t, 'requests', `service_request_id=${lastWeek}`)).json as Req[])[0]!;
    expect(closed).toMatchObject({ status: 'closed', status_notes: 'Không phải sự cố' });
  });

  it('filters by update time (extension)', async () => {
    const rejectedAt = encodeURIComponent(new Date(TEST_NOW).toISOString());
    expect(await requestIds(`updated_after=${rejectedAt}`)).toEqual([lastWeek]);
    expect(await requestIds(`updated_before=${encodeURIComponent(new Date(TEST_NOW - 1).toISOString())}`)).toEqual([
      recent,
      pothole,
    ]);
    await errorsOf('requests.{f}?updated_after=soon', 400);
  });

  it('filters by distance and by box (extensions), and never by a sensitive category’s hidden point', async () => {
    const west = TEST_CITY.insideWest;
    expect(await requestIds(`lat=${west.lat}&long=${west.lng}&radius=100`)).toEqual([recent, pothole]);
    expect(await requestIds(`lat=${west.lat}&long=${west.lng + 0.05}&radius=100`)).toEqual([lastWeek]);
    // 109.27 -> 109.32 is about 5.4 km at this latitude.
    expect((await requestIds(`lat=${west.lat}&long=${west.lng}&radius=6000`)).length).toBe(3);
    expect((await requestIds(`lat=${west.lat}&long=${west.lng}&radius=5000`)).length).toBe(2);
    expect(await requestIds('bbox=109.31,13.06,109.33,13.08')).toEqual([lastWeek]);
    expect((await requestIds('bbox=109.25,13.05,109.35,13.1')).length).toBe(3);
    await errorsOf('requests.{f}?lat=13', 400);
    await errorsOf('requests.{f}?radius=100', 400);
    await errorsOf('requests.{f}?lat=13&long=109&radius=-1', 400);
    await errorsOf('requests.{f}?bbox=1,2,3', 400);
    await errorsOf('requests.{f}?bbox=109.3,13,109.2,13.1', 400);

    const hidden = await call('admin', 'PATCH', '/api/admin/categories/potholes', { publicLocation: 'hidden' });
    expect(hidden.statusCode).toBe(200);
    expect(await requestIds(`lat=${west.lat}&long=${west.lng}&radius=100`)).toEqual([recent]);
    expect(await requestIds('bbox=109.25,13.05,109.35,13.1')).toEqual([recent]);
    const shown = ((await getBoth(t, 'requests', `service_request_id=${pothole}`)).json as Req[])[0]!;
    expect(shown).toMatchObject({ lat: null, long: null, address: null });
    await call('admin', 'PATCH', '/api/admin/categories/potholes', { publicLocation: 'approximate' });
  });

  it('pages with page and page_size (extensions), at most 1,000 a page', async () => {
    const all = await requestIds();
    expect(await requestIds('page_size=2')).toEqual(all.slice(0, 2));
    expect(await requestIds('page_size=2&page=2')).toEqual(all.slice(2, 4));
    expect(await requestIds('page_size=2&page=9')).toEqual([]);
    await errorsOf('requests.{f}?page_size=0', 400);
    await errorsOf('requests.{f}?page_size=1001', 400);
    await errorsOf('requests.{f}?page=0', 400);
    await errorsOf('requests.{f}?page=1.5', 400);
  });

  it('answers one request by id as a list of one, 404 when unknown', async () => {
    const res = await getBoth(t, `requests/${recent}`);
    expect(res.status).toBe(200);
    expect(idsOf(res.json)).toEqual([recent]);
    expect(res.xml.name).toBe('service_requests');
    expect(res.xml.children.map((c) => c.name)).toEqual(['request']);
    expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
    expect((await errorsOf('requests/TH-2611-NOPE00.{f}', 404))[0]).toMatch(/TH-2611-NOPE00/);
  });

  it('adds the public history and extended attributes with extensions=true', async () => {
    const res = await getBoth(t, `requests/${lastWeek}`, 'extensions=true');
    const r = (res.json as Req[])[0]!;
    expect(r.extended_attributes).toEqual({
      detailed_status: 'rejected',
      area_code: 'ward-east',
      area_name: 'Phường Đông',
      reporter_count: 1,
      duplicate_of: null,
      duplicates: [],
    });
    expect(r.notes).toEqual([
      { datetime: new Date(TEST_NOW - 7 * DAY).toISOString(), type: 'created', status: 'received', description: null },
      {
        datetime: new Date(TEST_NOW).toISOString(),
        type: 'reject',
        status: 'rejected',
        description: 'Không phải sự cố',
      },
    ]);
    expect(xmlAsJson(res.xml)).toEqual(jsonAsText(res.json));
    expect(res.raw.xml.body).toContain('<notes><note><datetime>');
    const plain = ((await getBoth(t, `requests/${lastWeek}`, 'extensions=false')).json as Req[])[0]!;
    expect(plain.notes).toBeUndefined();
    await errorsOf(`requests/${lastWeek}.{f}?extensions=yes`, 400);
  });

  it('gives the first photo as an absolute media_url, and none once the report is rejected', async () => {
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const { result } = await t.services.reports.create(
      CreateReportInput.parse(reportBody({ attributes: { pole_number: 'P-9' } })),
      { photos: [{ bytes }] },
    );
    const [r] = (await getBoth(t, `requests/${result.trackingCode}`)).json as Req[];
    expect(r!.media_url).toBe(`http://localhost:80/api/photos/${result.photos[0]!.id}`);
    const photo = await t.app.inject({ method: 'GET', url: String(r!.media_url).replace('http://localhost:80', '') });
    expect(photo.statusCode).toBe(200);
    const row = t.services.reports.findByTrackingCode(result.trackingCode)!;
    await t.app.inject({
      method: 'POST',
      url: `/api/reports/${row.id}/transitions`,
      headers: { cookie: call.cookies.operator! },
      payload: { action: 'reject', version: row.version, reason: 'Spam' },
    });
    const [rejected] = (await getBoth(t, `requests/${result.trackingCode}`)).json as Req[];
    expect(rejected!.media_url).toBeNull();
  });

  it('answers at most 1,000 requests by default', async () => {
    for (let i = 0; i < 1000; i++) await file(TEST_NOW - 3 * 3_600_000);
    const ids = await requestIds();
    expect(ids).toHaveLength(1000);
    expect(await requestIds('page=2')).toHaveLength(4);
  });
});

describe('POST requests', () => {
  const base = () => ({
    api_key: key,
    service_code: 'street_lighting',
    lat: '13.0701',
    long: '109.2702',
    description: 'Đèn tắt cả tuần',
    'attribute[pole_number]': 'C-7',
  });

  it('files through the web form’s service with channel open311 and the client’s name', async () => {
    for (const format of ['json', 'xml'] as const) {
      const res = await postRequest(t, format, base());
      expect(res.statusCode, res.body).toBe(201);
      const created = (format === 'json' ? res.json() : xmlAsJson(parseXml(res.body))) as Req[];
      if (format === 'xml') expect(parseXml(res.body).name).toBe('service_requests');
      checkCreated(created);
      const row = t.services.reports.findByTrackingCode(created[0]!.service_request_id)!;
      expect(row).toMatchObject({
        channel: 'open311',
        apiClient: 'Ứng dụng Phản ánh',
        categoryCode: 'street_lighting',
        status: 'received',
        unitId: t.ids.units.lighting,
        attributes: JSON.stringify({ pole_number: 'C-7' }),
      });
      const events = t.services.reports.eventsAfter(0, 100_000, { reportId: row.id })!;
      expect(events.map((e) => [e.event.type, e.event.actorRole])).toEqual([['created', 'resident']]);
      // The IOC sees which system filed it.
      const staff = await t.app.inject({ url: `/api/reports/${row.id}`, headers: { cookie: call.cookies.operator! } });
      expect(staff.json()).toMatchObject({ channel: 'open311', apiClient: 'Ứng dụng Phản ánh' });
    }
  });

  it('reads attribute[CODE] and attribute[CODE][] lists, and keeps the reporter contact privately', async () => {
    const res = await postRequest(t, 'json', [
      ...Object.entries(base()),
      ['attribute[kind]', 'flicker'],
      ['attribute[when][]', 'night'],
      ['attribute[when][]', 'day'],
      ['attribute[lamp_count]', '3'],
      ['attribute[details]', ''],
      ['first_name', 'Lan'],
      ['last_name', 'Nguyễn'],
      ['email', 'lan@example.vn'],
      ['phone', '+84 912 345 678'],
      ['device_id', 'dev-1'],
      ['account_id', 'acc-1'],
      ['media_url', 'https://example.vn/a.jpg'],
      ['jurisdiction_id', 'iocity.vn'],
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const row = t.services.reports.findByTrackingCode((res.json() as Req[])[0]!.service_request_id)!;
    expect(JSON.parse(row.attributes)).toEqual({
      pole_number: 'C-7',
      lamp_count: '3',
      kind: 'flicker',
      when: ['night', 'day'],
    });
    expect(row).toMatchObject({
      reporterName: 'Lan Nguyễn',
      reporterEmail: 'lan@example.vn',
      reporterPhone: '+84 912 345 678',
    });
    const single = await postRequest(t, 'json', { ...base(), 'attribute[when][]': 'night' });
    const r1 = t.services.reports.findByTrackingCode((single.json() as Req[])[0]!.service_request_id)!;
    expect(JSON.parse(r1.attributes).when).toEqual(['night']);
  });

  it('files by address with the ward (area_code), and refuses an address alone naming what is missing', async () => {
    const { lat: _lat, long: _long, ...noPoint } = base();
    const res = await postRequest(t, 'json', {
      ...noPoint,
      lat: '',
      long: '',
      address_string: '12 Lê Lợi',
      area_code: 'ward-west',
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = t.services.reports.findByTrackingCode((res.json() as Req[])[0]!.service_request_id)!;
    expect(row).toMatchObject({ lat: null, lng: null, address: '12 Lê Lợi', areaCode: 'ward-west' });
    const alone = await postRequest(t, 'xml', { ...noPoint, address_string: '12 Lê Lợi' });
    expect(checkErrors(alone, 400, 'xml')[0]).toMatch(/area_code/);
    // An address that names exactly one ward is filed in it.
    const named = await postRequest(t, 'json', { ...noPoint, address_string: '12 Lê Lợi, phường Tây, TP' });
    expect(named.statusCode, named.body).toBe(201);
    const inWard = t.services.reports.findByTrackingCode((named.json() as Req[])[0]!.service_request_id)!;
    expect(inWard).toMatchObject({ lat: null, areaCode: 'ward-west', address: '12 Lê Lợi, phường Tây, TP' });
    for (const address of ['Góc Phường Tây và Phường Đông', 'Phường Tâyy', 'Phuong Tay'])
      checkErrors(await postRequest(t, 'json', { ...noPoint, address_string: address }), 400, 'json');
    const byId = await postRequest(t, 'json', { ...noPoint, address_id: '42' });
    expect(checkErrors(byId, 400, 'json')[0]).toMatch(/address_id is not supported/);
    const none = await postRequest(t, 'json', noPoint);
    expect(checkErrors(none, 400, 'json')[0]).toMatch(/lat and long, or address_string/);
    const ward = await postRequest(t, 'json', { ...noPoint, address_string: 'x', area_code: 'nowhere' });
    expect(checkErrors(ward, 400, 'json')[0]).toMatch(/area_code/);
  });

  it('answers 403 without a valid api_key, in both formats, before anything else', async () => {
    for (const format of ['json', 'xml'] as const) {
      const { api_key: _k, ...keyless } = base();
      checkErrors(await postRequest(t, format, keyless), 403, format);
      checkErrors(await postRequest(t, format, { ...keyless, service_code: '' }), 403, format);
      checkErrors(await postRequest(t, format, { ...base(), api_key: '' }), 403, format);
      checkErrors(await postRequest(t, format, { ...base(), api_key: 'bk_guess' }), 403, format);
    }
    const revoked = await issueApiKey(call, 'Cũ');
    expect((await postRequest(t, 'json', { ...base(), api_key: revoked.key })).statusCode).toBe(201);
    expect((await call('admin', 'DELETE', `/api/admin/api-keys/${revoked.id}`)).statusCode).toBe(200);
    checkErrors(await postRequest(t, 'json', { ...base(), api_key: revoked.key }), 403, 'json');
  });

  it.each([
    ['no service_code', { service_code: '' }, /service_code is required/],
    ['lat without long', { long: '' }, /lat and long/],
    ['a latitude off the globe', { lat: '91' }, /lat must be a number between -90 and 90/],
    ['a longitude that is not a number', { long: 'east' }, /long must be a number/],
    ['no description', { description: '' }, /description must be at least/],
    ['a missing required attribute', { 'attribute[pole_number]': '' }, /attribute\[pole_number\] is required/],
    ['an unknown attribute', { 'attribute[colour]': 'red' }, /attribute\[colour\] is not a question/],
    ['a value not in the list', { 'attribute[kind]': 'gone' }, /attribute\[kind\] must be one of: off, flicker/],
    ['a number that is not one', { 'attribute[lamp_count]': 'many' }, /attribute\[lamp_count\] must be a number/],
    ['a bad email', { email: 'lan@' }, /email is not an email address/],
    ['a bad phone', { phone: 'call me' }, /phone is not a phone number/],
    ['a media_url that is not http', { media_url: 'javascript:alert(1)' }, /media_url/],
  ])('answers 400 for %s, naming the parameter', async (_name, change, message) => {
    for (const format of ['json', 'xml'] as const) {
      const res = await postRequest(t, format, { ...base(), ...change });
      expect(checkErrors(res, 400, format).join(' ')).toMatch(message);
    }
  });

  it('answers 404 for an unknown service_code, as the specification says', async () => {
    for (const format of ['json', 'xml'] as const) {
      const res = await postRequest(t, format, { ...base(), service_code: 'nope' });
      expect(checkErrors(res, 404, format)[0]).toBe('service_code nope was not found.');
    }
  });

  it('takes the form with a charset, as the specification sends it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payload: new URLSearchParams(base()).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('gives one error per problem', async () => {
    const res = await postRequest(t, 'json', { ...base(), description: '', email: 'x' });
    expect(checkErrors(res, 400, 'json')).toHaveLength(2);
    const bare = await postRequest(t, 'xml', { api_key: key, media_url: 'ftp://x' });
    expect(checkErrors(bare, 400, 'xml')).toEqual([
      'service_code is required.',
      'A location is required: lat and long, or address_string with area_code (the ward).',
      'media_url must be an http(s) URL.',
    ]);
  });

  it('answers 400 in its own format for a body too large', async () => {
    const res = await postRequest(t, 'xml', { ...base(), description: 'x'.repeat(300_000) });
    expect(checkErrors(res, 400, 'xml')[0]).toMatch(/too large/i);
  });

  it('takes only a form body', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: base() });
    expect(checkErrors(json, 400, 'json')[0]).toMatch(/application\/x-www-form-urlencoded/);
    const text = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    checkErrors(text, 400, 'xml');
  });

  it('stores the api_client column (migration 0005) only for Open311 reports', () => {
    const web = t.db.select().from(reports).where(eq(reports.channel, 'web')).all();
    expect(web.length).toBeGreaterThan(0);
    expect(web.every((r) => r.apiClient === null)).toBe(true);
  });
});

// Run last: its create rule files reports that the exact lists above do not expect.
describe('the SeeClickFix Open311 validator’s rules', () => {
  it('discovery: both formats answer, with contact, key_service, a past changeset and v2 endpoints', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.json' });
    const xml = await t.app.inject({ method: 'GET', url: '/open311/v2/discovery.xml' });
    // HTTParty parses by content type: these two are what it reads as JSON and XML.
    expect(json.headers['content-type']).toMatch(/^application\/json\b/);
    expect(xml.headers['content-type']).toMatch(/^text\/xml\b/);
    const j = json.json() as Record<string, unknown> & { endpoints: Record<string, unknown>[] };
    const x = parseXml(xml.body);
    expect(x.name).toBe('discovery');
    const xd = xmlAsJson(x) as typeof j;
    for (const d of [j, xd]) {
      expect(String(d.contact).trim()).not.toBe('');
      expect(String(d.key_service).trim()).not.toBe('');
      expect(Date.parse(String(d.changeset))).toBeLessThan(Date.now());
    }
    expect(xd.contact).toBe(j.contact);
    const xmlEndpoints = x.children.find((c) => c.name === 'endpoints')!.children;
    expect(xmlEndpoints.length).toBeGreaterThan(0);
    for (const e of [...j.endpoints, ...xd.endpoints]) {
      for (const field of ['specification', 'url', 'changeset', 'type']) expect(String(e[field])).not.toBe('');
      expect(Date.parse(String(e.changeset))).toBeLessThan(Date.now());
      expect(Array.isArray(e.formats)).toBe(true);
      expect(e.specification).toMatch(/_v2$/i);
      expect(e.formats).toContain('text/xml');
    }
    // Each endpoint's formats are used as url + '/services.' + the subtype: they must resolve.
    for (const e of j.endpoints)
      for (const f of e.formats as string[]) {
        const url = `${String(e.url).replace(/^https?:\/\/[^/]+/, '')}/services.${f.split('/')[1]}`;
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      }
  });

  it('services: at least one, each with a service code; a definition for each with metadata', async () => {
    for (const format of ['xml', 'json'] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/open311/v2/services.${format}?jurisdiction_id=iocity.vn`,
      });
      const services = (format === 'json' ? res.json() : xmlAsJson(parseXml(res.body))) as Record<string, string>[];
      expect(services.length).toBeGreaterThan(0);
      for (const s of services) {
        expect(s.service_code).toBeTruthy();
        if (String(s.metadata) === 'false') continue;
        const def = await t.app.inject({
          method: 'GET',
          url: `/open311/v2/services/${s.service_code}.${format}?jurisdiction_id=iocity.vn`,
        });
        expect(def.statusCode).toBe(200);
        expect(def.body.trim()).not.toBe('');
      }
    }
  });

  it('create: the validator’s own post (first service, an address, email, "I know") answers in both formats', async () => {
    const first = ((await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' })).body.match(
      /<service_code>([^<]+)<\/service_code>/,
    ) ?? [])[1]!;
    for (const format of ['xml', 'json'] as const) {
      const res = await postRequest(t, format, {
        api_key: key,
        jurisdiction_id: 'iocity.vn',
        service_code: first,
        address_string: '8 Lê Lợi, Phường Đông',
        email: 'foo@bar.com',
        description: 'I know',
        ...(first === 'street_lighting' ? { 'attribute[pole_number]': 'C-1' } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.body.trim()).not.toBe('');
    }
  });
});

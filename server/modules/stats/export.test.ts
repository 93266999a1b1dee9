import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsPeriodQuery } from '../../../shared/schemas/stats';
import { categories, routingRules } from '../../db/schema';
import { CSV_BOM } from '../../domain/csv';
import { GEOREPORT_COLUMNS } from '../../domain/georeport';
import { signIn, type Api } from '../../test/api';
import { buildTestAppOn, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { seedTestCity, TEST_CITY, type TestCityIds } from '../../test/city';
import { statsFixtures } from '../../test/stats-fixtures';
import { createStatsReads, inProcessStatsReads } from './stats.reads';
import { georeportCsv } from './stats.export';

// The export of one week, every cell written by hand. Times are local (UTC+7); the test city plus a
// sensitive category (`social_order`, public location hidden) routed to the roads department.
//   R1 lighting east, app, Mon 16 09:00: description with a comma, quotes, a line break and diacritics,
//      the reporter's name, phone and email (markers that must never appear), an address and a photo;
//      resolved Tue 17 10:00 with a public reply                                   -> closed
//   R2 social_order east, Mon 16 10:00, with an address                            -> open, no point, no address
//   R3 potholes west, Tue 17 08:00, a description that is a spreadsheet formula, a photo; rejected -> closed,
//      the reason as its note, no photo (a rejected report's photos are not public)
//   R4 potholes east, Wed 18 08:00, dispatched                                     -> open (assigned)
//   R5 lighting west, Wed 18 09:00, resolved 12:00 then reopened by the resident   -> open, the reason as its note
//   R6 potholes east, Thu 19 08:00, merged into R4                                 -> closed
//   R7 potholes by address in ward-east (no point), Fri 20 08:00                   -> open, address, no point
//   Before the week: R0 (Sun 15 23:59) is not exported.
const FROM = '2026-11-16T00:00:00+07:00';
const TO = '2026-11-23T00:00:00+07:00';
const WEEK = `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;
const NAME = 'Nguyễn Văn Zzname4417';
const PHONE = '+84 912 004 417';
const EMAIL = 'zzmail4417@example.org';
const R1_TEXT = 'Đèn "hỏng", cột số 5\nGần chợ Đông, phường Đông';
const FORMULA = '=HYPERLINK("http://evil.example","Bấm vào đây")';

let t: TestApp;
let call: Api;
const code: Record<string, string> = {};
const ids: Record<string, number> = {};
let r1Photo = '';

async function withSensitiveCategory(db: Parameters<typeof seedTestCity>[0]): Promise<TestCityIds> {
  const city = await seedTestCity(db);
  db.insert(categories)
    .values({
      code: 'social_order',
      nameVi: 'Trật tự xã hội',
      nameEn: 'Social order',
      groupCode: 'g',
      groupVi: 'Nhóm',
      groupEn: 'Group',
      icon: 'x',
      deadlineValue: 48,
      deadlineUnit: 'hours',
      publicLocation: 'hidden',
      resolveNeedsPhoto: false,
    })
    .run();
  db.insert(routingRules).values({ categoryCode: 'social_order', areaCode: null, unitId: city.units.roads }).run();
  return city;
}

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

const { file: fileAt, act, dispatch, resolve, reopen } = statsFixtures(() => t);

async function file(name: string, when: string, body: object, options: Parameters<typeof fileAt>[2] = {}) {
  const r = await fileAt(when, body, options);
  code[name] = r.code;
  ids[name] = r.id;
  return r;
}

beforeAll(async () => {
  t = await buildTestAppOn(withSensitiveCategory);
  const { lighting, roads } = t.ids.units;
  await file('R0', '2026-11-15T23:59:00', reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideEast }));
  const r1 = await file(
    'R1',
    '2026-11-16T09:00:00',
    reportBody({
      ...TEST_CITY.insideEast,
      lat: 13.071234,
      lng: 109.321567,
      description: R1_TEXT,
      address: '12 Lê Lợi, Phường Đông',
      contact: { name: NAME, phone: PHONE, email: EMAIL },
    }),
    { channel: 'app', photos: [{ bytes: await photo() }] },
  );
  r1Photo = r1.photoIds[0]!;
  await dispatch(r1, '2026-11-16T09:30:00', lighting);
  await resolve(r1, '2026-11-17T10:00:00', 'Đã thay bóng đèn, cảm ơn "bạn"');
  await file(
    'R2',
    '2026-11-16T10:00:00',
    reportBody({ categoryCode: 'social_order', ...TEST_CITY.insideEast, address: '3 Hẻm Nhỏ' }),
  );
  const r3 = await file(
    'R3',
    '2026-11-17T08:00:00',
    reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideWest, description: FORMULA }),
    {
      photos: [{ bytes: await photo() }],
    },
  );
  await act(r3, '2026-11-17T09:00:00', { action: 'reject', reason: 'Không thuộc phạm vi' });
  const r4 = await file('R4', '2026-11-18T08:00:00', reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideEast }));
  await dispatch(r4, '2026-11-18T08:10:00', roads);
  const r5 = await file('R5', '2026-11-18T09:00:00', reportBody({ ...TEST_CITY.insideWest }));
  await dispatch(r5, '2026-11-18T09:10:00', lighting);
  await resolve(r5, '2026-11-18T12:00:00', 'Đã sửa');
  reopen(r5, '2026-11-18T13:00:00', 'Vẫn chưa sáng');
  const r6 = await file('R6', '2026-11-19T08:00:00', reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideEast }));
  await act(r6, '2026-11-19T08:30:00', { action: 'mark_duplicate', duplicateOf: code.R4 });
  await file('R7', '2026-11-20T08:00:00', {
    categoryCode: 'potholes',
    areaCode: 'ward-east',
    address: 'Ngã tư Trần Phú, Phường Đông',
    description: 'Ổ gà lớn',
  });
  t.clock.set(TEST_NOW);
  call = await signIn(t, 'leader', 'leader.lighting', 'operator', 'staff.lighting');
});
afterAll(() => t.close());

/** RFC 4180 parsing, strict enough to prove the writer's quoting: records must end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        value += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') value += text[i++];
      if (value.includes('"')) throw new Error(`bare quote in ${value}`);
    }
    fields.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else throw new Error(`expected CRLF or a comma at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
  }
  return records;
}

async function exportCsv(query = WEEK, user = 'leader') {
  const res = await call(user, 'GET', `/api/stats/export.csv?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res;
}
function rowsOf(body: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(body.slice(CSV_BOM.length));
  expect(header).toEqual([...GEOREPORT_COLUMNS]);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('GET /api/stats/export.csv', () => {
  it('downloads a UTF-8 CSV with a BOM, named after the period', async () => {
    const res = await exportCsv();
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="beacon-reports-2026-11-16_2026-11-23.csv"');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.startsWith(`${CSV_BOM}service_request_id,status,status_notes,service_name,`)).toBe(true);
    // Every record ends with CRLF (the parser below refuses a bare line feed outside quotes).
    expect(res.body.endsWith('\r\n')).toBe(true);
    expect(() => parseCsv(res.body.slice(CSV_BOM.length))).not.toThrow();
  });

  it('writes the GeoReport v2 columns in order, one row per report created in the week', async () => {
    const rows = rowsOf((await exportCsv()).body);
    expect(rows.map((r) => r.service_request_id)).toEqual(
      ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((n) => code[n]),
    );
    expect(rows[0]).toEqual({
      service_request_id: code.R1,
      status: 'closed',
      status_notes: 'Đã thay bóng đèn, cảm ơn "bạn"',
      service_name: 'Đèn đường không sáng',
      service_code: 'street_lighting',
      description: R1_TEXT,
      agency_responsible: 'Công ty Chiếu sáng',
      service_notice: '',
      requested_datetime: '2026-11-16T02:00:00.000Z',
      updated_datetime: '2026-11-17T03:00:00.000Z',
      expected_datetime: rows[0]!.expected_datetime,
      address: '12 Lê Lợi, Phường Đông',
      address_id: '',
      zipcode: '',
      // Rounded as on the public tracking page (about 100 m).
      lat: '13.071',
      long: '109.322',
      media_url: `/api/photos/${r1Photo}`,
    });
    expect(rows[0]!.expected_datetime).toMatch(/^2026-11-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('quotes a description with a comma, quotes and a line break, and keeps Vietnamese diacritics', async () => {
    const body = (await exportCsv()).body;
    expect(body).toContain('"Đèn ""hỏng"", cột số 5\nGần chợ Đông, phường Đông"');
    expect(body).toContain('"Đã thay bóng đèn, cảm ơn ""bạn"""');
    expect(rowsOf(body)[0]!.description).toBe(R1_TEXT);
  });

  it("never carries the reporter's name, phone or email", async () => {
    const body = (await exportCsv()).body;
    for (const marker of [NAME, 'Zzname4417', PHONE, '912 004 417', EMAIL, 'zzmail4417'])
      expect(body.includes(marker), marker).toBe(false);
  });

  it('maps statuses to open/closed and takes the latest public note from staff', async () => {
    const rows = rowsOf((await exportCsv()).body);
    const by = (n: string) => rows.find((r) => r.service_request_id === code[n])!;
    expect(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'].map((n) => by(n).status)).toEqual([
      'closed', // resolved
      'open', // received
      'closed', // rejected
      'open', // assigned
      'open', // reopened
      'closed', // duplicate
      'open', // received, waiting to be placed
    ]);
    expect(by('R3').status_notes).toBe('Không thuộc phạm vi');
    // The city's latest word, as in Open311: the resident's reopening reason is not the status note.
    expect(by('R5').status_notes).toBe('Đã sửa');
    expect(by('R4').status_notes).toBe('');
    expect(by('R6').agency_responsible).toBe('Phòng Quản lý đô thị');
  });

  it('gives no point and no address for a sensitive category, and no point for one filed by address', async () => {
    const rows = rowsOf((await exportCsv()).body);
    const by = (n: string) => rows.find((r) => r.service_request_id === code[n])!;
    expect(by('R2')).toMatchObject({ service_name: 'Trật tự xã hội', address: '', lat: '', long: '', status: 'open' });
    expect(by('R7')).toMatchObject({ address: 'Ngã tư Trần Phú, Phường Đông', lat: '', long: '' });
    expect(by('R4')).toMatchObject({ lat: '13.07', long: '109.32', address: '' });
  });

  it("links only a public photo: none for a rejected report, and the link serves the resident's photo", async () => {
    const rows = rowsOf((await exportCsv()).body);
    const by = (n: string) => rows.find((r) => r.service_request_id === code[n])!;
    expect(by('R3').media_url).toBe('');
    expect(by('R4').media_url).toBe('');
    const res = await call(null, 'GET', by('R1').media_url!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
  });

  it('neutralises a description a spreadsheet would run as a formula', async () => {
    const rows = rowsOf((await exportCsv()).body);
    expect(rows.find((r) => r.service_request_id === code.R3)!.description).toBe(`'${FORMULA}`);
  });

  it("applies the filters and holds a unit's leader to their unit", async () => {
    const lighting = rowsOf((await exportCsv(`${WEEK}&unitId=${t.ids.units.roads}`, 'leader.lighting')).body);
    expect(lighting.map((r) => r.service_request_id)).toEqual([code.R1, code.R5]);
    const west = rowsOf((await exportCsv(`${WEEK}&areaCode=ward-west`)).body);
    expect(west.map((r) => r.service_request_id)).toEqual([code.R3, code.R5]);
    const app = rowsOf((await exportCsv(`${WEEK}&channel=app&categoryCode=street_lighting`, 'operator')).body);
    expect(app.map((r) => r.service_request_id)).toEqual([code.R1]);
    const none = await exportCsv('from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(none.body).toBe(`${CSV_BOM}${GEOREPORT_COLUMNS.join(',')}\r\n`);
  });

  it('reads page after page by keyset, and the pages join into the same file', async () => {
    const whole = (await exportCsv()).body;
    const reads = inProcessStatsReads(createStatsReads(t.db));
    const q: StatsPeriodQuery = { from: FROM, to: TO };
    const cursors: number[] = [];
    const counting = {
      exportPage: (...args: Parameters<typeof reads.exportPage>) => {
        cursors.push(args[2]);
        return reads.exportPage(...args);
      },
    };
    for (const pageSize of [1, 2, 3, 7, 50]) {
      cursors.length = 0;
      const chunks: Buffer[] = [];
      for await (const chunk of await georeportCsv(counting, q, {}, pageSize)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString('utf8'), `pages of ${pageSize}`).toBe(whole);
      // 7 rows: a page per `pageSize` rows, and one more (empty) when the last page was full.
      expect(cursors.length, `pages of ${pageSize}`).toBe(Math.floor(7 / pageSize) + 1);
      expect(cursors[0]).toBe(0);
    }
    // Each page starts after the last row of the previous one.
    const pages = [0, ids.R2!, ids.R4!, ids.R6!];
    cursors.length = 0;
    for await (const _ of await georeportCsv(counting, q, {}, 2));
    expect(cursors).toEqual(pages);
  });

  it('keeps keyset order when reports share their creation instant', async () => {
    const reads = createStatsReads(t.db);
    const q: StatsPeriodQuery = { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    for (const n of [1, 2, 3]) await file(`S${n}`, '2026-12-07T09:00:00', reportBody({ categoryCode: 'potholes' }));
    t.clock.set(TEST_NOW); // sessions live an hour on the fake clock
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const page = reads.exportPage(q, {}, after, 2);
      expect(page.rows).toBe(parseCsv(page.csv).length);
      seen.push(...parseCsv(page.csv).map((r) => r[0]!));
      if (page.nextAfterId === null) break;
      after = page.nextAfterId;
    }
    expect(seen).toEqual([code.S1, code.S2, code.S3]);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await t.app.inject({
      method: 'HEAD',
      url: `/api/stats/export.csv?${WEEK}`,
      headers: { cookie: call.cookies.leader! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="beacon-reports-/);
    expect(res.body).toBe('');
  });

  it('is not open to unit staff or residents', async () => {
    expect((await call(null, 'GET', `/api/stats/export.csv?${WEEK}`)).statusCode).toBe(401);
    expect((await call('staff.lighting', 'GET', `/api/stats/export.csv?${WEEK}`)).statusCode).toBe(403);
  });

  it.each([
    ['to before from', `from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`, 'to'],
    ['a missing to', `from=${encodeURIComponent(FROM)}`, 'to'],
    ['an unknown channel', `${WEEK}&channel=fax`, 'channel'],
  ])('answers 422 problem+json naming the field for %s', async (_, query, field) => {
    const res = await call('leader', 'GET', `/api/stats/export.csv?${query}`);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

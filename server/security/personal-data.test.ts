import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { reports } from '../db/schema';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../test/app';
import { TEST_CITY } from '../test/city';
import { multipart } from '../test/multipart';
import { listen, socketClient, waitFor, type TestSocket } from '../test/socket';
import { signInFully } from './sign-in';

/**
 * Personal data stays where the domain puts it. Unique markers are planted, through the real API, in
 * reporters' names, phones and emails (JSON and multipart filing, an operator's hotline report, Open311
 * with first/last name, phone, email, device and account ids), in staff's internal notes (notes,
 * dispatch notes, a hand-back reason) and in the EXIF of every kind of uploaded photo. Then every route
 * of the OpenAPI document (native and Open311) is crawled as a resident and as every staff account,
 * photos are fetched, and every socket payload is kept. A marker may appear only where the domain
 * allows it: a reporter's contact in that report's detail for IOC operators and admins; an internal
 * note in that report's detail for staff who may see the report (and, being staff, on their sockets);
 * EXIF, device and account ids nowhere at all.
 */

// ---------------------------------------------------------------------------------------------------
// Markers.

type Kind = 'contact' | 'note' | 'never';
interface Marker {
  kind: Kind;
  what: string;
  /** Strings that would betray it (the text as planted, and other spellings of a phone). */
  needles: string[];
  /** The report it belongs to (set once filed). */
  reportId: number;
  /** Held for review by the anti-spam gate: the IOC's review queue shows its contact. */
  held?: boolean;
}
const markers: Marker[] = [];
const rand = () => randomBytes(5).toString('hex').toUpperCase();
/** A fresh marker; its report is attached once that is filed. */
function mark(kind: Kind, what: string, text: string, extraNeedles: string[] = []): { text: string; m: Marker } {
  const m: Marker = { kind, what, needles: [text, ...extraNeedles].map((s) => s.toLowerCase()), reportId: 0 };
  markers.push(m);
  return { text, m };
}
const own = (reportId: number, ...ms: Marker[]) => {
  for (const m of ms) m.reportId = reportId;
};
/** Nine random digits after 09: a phone number whose digits occur nowhere else. */
function phone(what: string, spaced = false) {
  const digits = `09${String(Math.floor(1e8 + Math.random() * 9e8))}`;
  const text = spaced ? `+84 ${digits.slice(1, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}` : digits;
  return mark('contact', what, text, [digits.slice(1), `84${digits.slice(1)}`]);
}
const contact = (label: string) => ({
  name: mark('contact', `${label} name`, `MKRNAME${rand()}`),
  phone: phone(`${label} phone`),
  email: mark('contact', `${label} email`, `mkr-${rand().toLowerCase()}@example.org`),
});

// ---------------------------------------------------------------------------------------------------
// What was seen, where, by whom.

type ViewerName = 'anonymous' | 'operator' | 'admin' | 'leader' | 'leader.lighting' | 'staff.lighting' | 'staff.roads';
const STAFF: ViewerName[] = ['operator', 'admin', 'leader', 'leader.lighting', 'staff.lighting', 'staff.roads'];
const VIEWERS: ViewerName[] = ['anonymous', ...STAFF];
interface Surface {
  /** `METHOD /openapi/path` or `socket:<viewer>`. */
  route: string;
  url: string;
  viewer: ViewerName;
  /** The report a report-detail route was asked about. */
  reportId?: number;
  /** Whether the viewer could see that report when asking (staff scope at that moment). */
  sees?: boolean;
  status?: number;
  text: string;
}
const surfaces: Surface[] = [];

let t: TestApp;
const cookies: Partial<Record<ViewerName, string>> = {};
let units: { ioc: number; lighting: number; roads: number };

function record(route: string, viewer: ViewerName, url: string, res: LightMyRequestResponse, reportId?: number) {
  const binary = !/json|xml|text|csv/.test(String(res.headers['content-type'] ?? ''));
  surfaces.push({
    route,
    url,
    viewer,
    reportId,
    sees: reportId === undefined ? undefined : staffSees(viewer, reportId),
    status: res.statusCode,
    text: binary ? res.rawPayload.toString('latin1') : res.body,
  });
}

/** A request as a viewer, kept as a surface. */
async function as(
  viewer: ViewerName,
  route: string,
  url: string,
  opts: { payload?: unknown; headers?: Record<string, string>; reportId?: number } = {},
): Promise<LightMyRequestResponse> {
  const method = route.split(' ')[0] as 'GET';
  const res = await t.app.inject({
    method,
    url,
    payload: opts.payload as string,
    headers: { ...(opts.headers ?? {}), ...(viewer !== 'anonymous' ? { cookie: cookies[viewer]! } : {}) },
  });
  record(route, viewer, url, res, opts.reportId);
  return res;
}

/** Whether a staff account may see this report now (unit people: their unit's dispatched reports). */
function staffSees(viewer: ViewerName, reportId: number): boolean {
  const row = t.db
    .select()
    .from(reports)
    .all()
    .find((r) => r.id === reportId)!;
  if (viewer === 'anonymous') return false;
  const unit = { 'leader.lighting': units.lighting, 'staff.lighting': units.lighting, 'staff.roads': units.roads }[
    viewer as string
  ];
  if (unit === undefined) return true;
  return row.unitId === unit && row.status !== 'received';
}

const DETAIL = 'GET /api/reports/{id}';
const REVIEW = 'GET /api/review';
/** The domain's rule: where a marker may appear. */
function allowed(m: Marker, s: Surface): boolean {
  if (m.kind === 'never') return false;
  const ioc = ['operator', 'admin'].includes(s.viewer);
  if (m.kind === 'contact')
    return (s.route === DETAIL && s.reportId === m.reportId && ioc) || (m.held === true && s.route === REVIEW && ioc);
  // Internal notes: staff only, in the report's detail, for those who may see the report.
  if (s.route.startsWith('socket:')) return s.viewer !== 'anonymous';
  return s.route === DETAIL && s.reportId === m.reportId && s.sees === true;
}

// ---------------------------------------------------------------------------------------------------
// Photos with telling EXIF.

function exifMarkers(label: string) {
  return {
    model: mark('never', `${label} camera model (EXIF)`, `MKRMODEL${rand()}`),
    serial: mark('never', `${label} camera serial (EXIF)`, `MKRSERIAL${rand()}`),
    artist: mark('never', `${label} artist (EXIF)`, `MKRARTIST${rand()}`),
  };
}
async function phonePhoto(e: ReturnType<typeof exifMarkers>): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({
      IFD0: { Make: 'AcmeCam', Model: e.model.text, Artist: e.artist.text },
      IFD2: { BodySerialNumber: e.serial.text },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '13/1 5/1 4380/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '109/1 18/1 432/100',
      },
    })
    .jpeg()
    .toBuffer();
}
const photoFile = (bytes: Buffer) => [{ field: 'photos', name: 'IMG_2041.jpg', type: 'image/jpeg', bytes }];

// ---------------------------------------------------------------------------------------------------
// Planting, through the real API, as residents and staff would.

const planted: { id: number; trackingCode: string; token?: string; open311Id?: string }[] = [];
/** Reports the anti-spam gate held, by their (receipt's) tracking code. */
const held: { trackingCode: string; markers: Marker[] }[] = [];
const sockets: { viewer: ViewerName; socket: TestSocket }[] = [];
let url: string;

/** Keeps every event a socket receives as a surface; `label` tells sockets of one viewer apart. */
function listenSocket(viewer: ViewerName, socket: TestSocket, label: string = viewer) {
  sockets.push({ viewer, socket });
  socket.onAny((event: string, ...args: unknown[]) =>
    surfaces.push({ route: `socket:${viewer}`, url: `${label} ${event}`, viewer, text: JSON.stringify(args) }),
  );
}

async function subscribeResident(socket: TestSocket, afterEventId?: number) {
  for (const r of planted) {
    const ack = await socket.emitWithAck('track:subscribe', { trackingCode: r.trackingCode, afterEventId });
    expect(ack.ok).toBe(true);
    surfaces.push({
      route: 'socket:anonymous',
      url: 'track:subscribe ack',
      viewer: 'anonymous',
      text: JSON.stringify(ack),
    });
  }
}

const version = async (viewer: ViewerName, id: number) =>
  (await as(viewer, DETAIL, `/api/reports/${id}`, { reportId: id })).json().version as number;

async function act(viewer: ViewerName, id: number, body: Record<string, unknown>) {
  const res = await as(viewer, 'POST /api/reports/{id}/transitions', `/api/reports/${id}/transitions`, {
    payload: { version: await version(viewer, id), ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
}
async function note(viewer: ViewerName, id: number, text: string) {
  const res = await as(viewer, 'POST /api/reports/{id}/notes', `/api/reports/${id}/notes`, {
    payload: { text, version: await version(viewer, id) },
  });
  expect(res.statusCode, res.body).toBe(200);
}
const residentHeaders = (token: string) => ({ 'x-resident-token': token });

beforeAll(async () => {
  t = await buildTestApp();
  units = { ioc: t.ids.units.ioc, lighting: t.ids.units.lighting, roads: t.ids.units.roads };
  for (const v of STAFF) cookies[v] = await signInFully(t, v);
  url = await listen(t);
  for (const v of STAFF) listenSocket(v, await socketClient(url, cookies[v]));

  const key = (
    await as('admin', 'POST /api/admin/api-keys', '/api/admin/api-keys', { payload: { name: 'Cổng 1022' } })
  ).json().key as string;

  // R1: filed as JSON by a resident, with a name, phone and email.
  const c1 = contact('JSON filing');
  const r1 = await as('anonymous', 'POST /api/reports', '/api/reports', {
    payload: reportBody({ contact: { name: c1.name.text, phone: c1.phone.text, email: c1.email.text } }),
  });
  expect(r1.statusCode, r1.body).toBe(201);
  planted.push({ id: r1.json().id, trackingCode: r1.json().trackingCode, token: r1.json().residentToken });
  own(r1.json().id, c1.name.m, c1.phone.m, c1.email.m);

  // R2: multipart with a phone photo.
  const c2 = contact('multipart filing');
  const e2 = exifMarkers('filing photo');
  const form = multipart(
    {
      categoryCode: 'street_lighting',
      lat: String(TEST_CITY.insideWest.lat),
      lng: '109.272',
      description: 'Cột đèn bị nghiêng sau bão, có ảnh',
      'contact.name': c2.name.text,
      'contact.phone': c2.phone.text,
      'contact.email': c2.email.text,
    },
    photoFile(await phonePhoto(e2)),
  );
  const r2 = await as('anonymous', 'POST /api/reports', '/api/reports', {
    payload: form.payload,
    headers: form.headers,
  });
  expect(r2.statusCode, r2.body).toBe(201);
  expect(r2.json().photos).toHaveLength(1);
  planted.push({ id: r2.json().id, trackingCode: r2.json().trackingCode, token: r2.json().residentToken });
  own(r2.json().id, c2.name.m, c2.phone.m, c2.email.m, e2.model.m, e2.serial.m, e2.artist.m);

  // R3, R3x: Open311 clients, JSON and XML, with every personal field the specification has.
  for (const format of ['json', 'xml'] as const) {
    const first = mark('contact', `Open311 ${format} first_name`, `MKRFIRST${rand()}`);
    const last = mark('contact', `Open311 ${format} last_name`, `MKRLAST${rand()}`);
    const tel = phone(`Open311 ${format} phone`, true);
    const email = mark('contact', `Open311 ${format} email`, `mkr-o311-${rand().toLowerCase()}@example.org`);
    const device = mark('never', `Open311 ${format} device_id`, `MKRDEVICE${rand()}`);
    const account = mark('never', `Open311 ${format} account_id`, `MKRACCOUNT${rand()}`);
    const res = await as('anonymous', 'POST /open311/v2/requests.{format}', `/open311/v2/requests.${format}`, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: 'street_lighting',
        lat: '13.071',
        long: '109.273',
        description: `Đèn không sáng (Open311 ${format})`,
        first_name: first.text,
        last_name: last.text,
        phone: tel.text,
        email: email.text,
        device_id: device.text,
        account_id: account.text,
      }).toString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const requestId =
      format === 'json'
        ? (res.json()[0].service_request_id as string)
        : /<service_request_id>([^<]+)<\/service_request_id>/.exec(res.body)![1]!;
    const row = t.db.select().from(reports).all().at(-1)!;
    planted.push({ id: row.id, trackingCode: row.trackingCode, open311Id: requestId });
    own(row.id, first.m, last.m, tel.m, email.m, device.m, account.m);
  }
  const [, , r3] = planted as [unknown, unknown, { id: number }];

  // R4: the operator files a hotline caller's report; it waits in the IOC inbox with an internal note.
  const c4 = contact('hotline caller');
  const r4 = await as('operator', 'POST /api/reports', '/api/reports', {
    payload: reportBody({
      channel: 'hotline',
      lat: 13.073,
      contact: { name: c4.name.text, phone: c4.phone.text, email: c4.email.text },
    }),
  });
  expect(r4.statusCode, r4.body).toBe(201);
  planted.push({ id: r4.json().id, trackingCode: r4.json().trackingCode });
  const n4 = mark('note', 'IOC inbox note', `MKRNOTE${rand()}`);
  own(r4.json().id, c4.name.m, c4.phone.m, c4.email.m, n4.m);

  // R5: a pothole in the east ward, the roads department's.
  const c5 = contact('roads filing');
  const r5 = await as('anonymous', 'POST /api/reports', '/api/reports', {
    payload: reportBody({
      categoryCode: 'potholes',
      ...TEST_CITY.insideEast,
      description: 'Ổ gà lớn giữa đường',
      contact: { name: c5.name.text, phone: c5.phone.text, email: c5.email.text },
    }),
  });
  expect(r5.statusCode, r5.body).toBe(201);
  planted.push({ id: r5.json().id, trackingCode: r5.json().trackingCode, token: r5.json().residentToken });
  own(r5.json().id, c5.name.m, c5.phone.m, c5.email.m);

  // H1-H3: caught by the honeypot, held for the IOC's review with their contact; sent from an app
  // whose device id must be kept nowhere (only a keyed hash is, for blocking).
  for (const label of ['released', 'discarded', 'blocked']) {
    const c = contact(`held (${label})`);
    const device = mark('never', `held (${label}) device id`, `MKRDEVICE${rand()}`);
    const res = await as('anonymous', 'POST /api/reports', '/api/reports', {
      payload: reportBody({
        website: 'http://cheap-pills.example',
        description: `Quảng cáo ${label}`,
        contact: { name: c.name.text, phone: c.phone.text, email: c.email.text },
      }),
      headers: { 'x-device-id': device.text },
    });
    expect(res.statusCode, res.body).toBe(201);
    for (const m of [c.name.m, c.phone.m, c.email.m, device.m]) m.held = true;
    held.push({ trackingCode: res.json().trackingCode, markers: [c.name.m, c.phone.m, c.email.m, device.m] });
  }

  // Residents follow every planted report live, from here on.
  const resident = await socketClient(url);
  listenSocket('anonymous', resident, 'live resident');
  await subscribeResident(resident);

  const [p1, p2, , , p4, p5] = planted as [
    (typeof planted)[0],
    (typeof planted)[0],
    (typeof planted)[0],
    (typeof planted)[0],
    (typeof planted)[0],
    (typeof planted)[0],
  ];

  // Staff work R1: notes, a dispatch note, acknowledgement, a resolution with an after-photo.
  const n1a = mark('note', 'operator note', `MKRNOTE${rand()}`);
  const n1b = mark('note', 'dispatch note', `MKRNOTE${rand()}`);
  const n1c = mark('note', 'unit note', `MKRNOTE${rand()}`);
  const e1 = exifMarkers('after-photo');
  own(p1.id, n1a.m, n1b.m, n1c.m, e1.model.m, e1.serial.m, e1.artist.m);
  await note('operator', p1.id, n1a.text);
  await act('operator', p1.id, { action: 'dispatch', unitId: units.lighting, note: n1b.text });
  await act('staff.lighting', p1.id, { action: 'acknowledge', note: 'Đã tiếp nhận' });
  await note('staff.lighting', p1.id, n1c.text);
  const resolveForm = multipart(
    { action: 'resolve', version: String(await version('staff.lighting', p1.id)), note: 'Đã thay bóng đèn mới' },
    photoFile(await phonePhoto(e1)),
  );
  const resolved = await as(
    'staff.lighting',
    'POST /api/reports/{id}/transitions',
    `/api/reports/${p1.id}/transitions`,
    {
      payload: resolveForm.payload,
      headers: resolveForm.headers,
    },
  );
  expect(resolved.statusCode, resolved.body).toBe(200);
  // The resident reopens it, the unit fixes it again, the resident rates it.
  const reopened = await as('anonymous', 'POST /api/track/{code}/actions', `/api/track/${p1.trackingCode}/actions`, {
    payload: { action: 'reopen', reason: 'Đèn lại tắt sau một ngày' },
    headers: residentHeaders(p1.token!),
  });
  expect(reopened.statusCode, reopened.body).toBe(200);
  await act('operator', p1.id, { action: 'dispatch', unitId: units.lighting });
  await act('staff.lighting', p1.id, { action: 'resolve', note: 'Đã thay cả bộ chấn lưu' });
  const rated = await as('anonymous', 'POST /api/track/{code}/rating', `/api/track/${p1.trackingCode}/rating`, {
    payload: { score: 5, comment: 'Cảm ơn' },
    headers: residentHeaders(p1.token!),
  });
  expect(rated.statusCode, rated.body).toBe(200);

  // R2: the lighting company hands it back (an internal reason); it goes to roads; the resident adds a photo.
  const n2 = mark('note', 'hand-back reason', `MKRNOTE${rand()}`);
  const e2c = exifMarkers('comment photo');
  own(p2.id, n2.m, e2c.model.m, e2c.serial.m, e2c.artist.m);
  await act('operator', p2.id, { action: 'dispatch', unitId: units.lighting });
  await act('staff.lighting', p2.id, { action: 'hand_back', reason: n2.text });
  await act('operator', p2.id, { action: 'dispatch', unitId: units.roads });
  await act('staff.roads', p2.id, { action: 'start' });
  const commentForm = multipart({ text: 'Thêm ảnh chụp ban đêm' }, photoFile(await phonePhoto(e2c)));
  const commented = await as('anonymous', 'POST /api/track/{code}/comments', `/api/track/${p2.trackingCode}/comments`, {
    payload: commentForm.payload,
    headers: { ...commentForm.headers, ...residentHeaders(p2.token!) },
  });
  expect(commented.statusCode, commented.body).toBe(200);

  // R3: the IOC raises the priority, corrects and places it, dispatches; the unit starts.
  for (const [route, body] of [
    ['priority', { priority: 'urgent' }],
    ['correction', { lat: 13.0712, lng: 109.2731 }],
    ['location', { lat: 13.0713, lng: 109.2732 }],
  ] as const) {
    const res = await as('operator', `POST /api/reports/{id}/${route}`, `/api/reports/${r3.id}/${route}`, {
      payload: { ...body, version: await version('operator', r3.id) },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  await act('operator', r3.id, { action: 'dispatch', unitId: units.lighting });
  await act('staff.lighting', r3.id, { action: 'start' });

  // R4 stays in the IOC inbox with a note; R5 goes to roads with notes; someone follows R5.
  await note('operator', p4.id, n4.text);
  const n5a = mark('note', 'roads dispatch note', `MKRNOTE${rand()}`);
  const n5b = mark('note', 'roads unit note', `MKRNOTE${rand()}`);
  own(p5.id, n5a.m, n5b.m);
  await act('operator', p5.id, { action: 'dispatch', unitId: units.roads, note: n5a.text });
  await note('staff.roads', p5.id, n5b.text);
  const followed = await as('anonymous', 'POST /api/track/{code}/follow', `/api/track/${p5.trackingCode}/follow`);
  expect(followed.statusCode, followed.body).toBe(200);

  // The IOC reviews the held reports: releases one (it becomes a report), discards one, blocks the
  // sender of the third and of R5, then lifts the blocks (every later filing here comes from this address).
  const queue = (await as('operator', REVIEW, '/api/review')).json() as {
    items: { id: number; trackingCode: string }[];
  };
  const heldId = (code: string) => queue.items.find((h) => h.trackingCode === code)!.id;
  const [h1, h2, h3] = held as [(typeof held)[0], (typeof held)[0], (typeof held)[0]];
  const released = await as(
    'operator',
    'POST /api/review/{id}/release',
    `/api/review/${heldId(h1.trackingCode)}/release`,
  );
  expect(released.statusCode, released.body).toBe(201);
  planted.push({ id: released.json().id, trackingCode: released.json().trackingCode });
  own(released.json().id, ...h1.markers);
  const discarded = await as(
    'operator',
    'POST /api/review/{id}/discard',
    `/api/review/${heldId(h2.trackingCode)}/discard`,
  );
  expect(discarded.statusCode, discarded.body).toBe(204);
  for (const [route, path] of [
    ['POST /api/review/{id}/block-sender', `/api/review/${heldId(h3.trackingCode)}/block-sender`],
    ['POST /api/reports/{id}/block-sender', `/api/reports/${p5.id}/block-sender`],
  ] as const) {
    const blocked = await as('operator', route, path, {
      payload: { device: true, address: true, reason: 'Quảng cáo' },
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    for (const b of blocked.json().items as { id: number }[]) {
      const lifted = await as('operator', 'DELETE /api/blocked-senders/{id}', `/api/blocked-senders/${b.id}`);
      expect(lifted.statusCode, lifted.body).toBe(204);
    }
  }

  // A resident who comes back later is replayed everything since the first event.
  const late = await socketClient(url);
  listenSocket('anonymous', late, 'returning resident');
  await subscribeResident(late, 1);
  // Every socket has what was published: the last event of the reports the live resident follows (the
  // six filed before it subscribed) reached it, and the last event of all reached the operator.
  const lastEventOf = (ids: number[]) =>
    t.db.$client
      .prepare(`select max(id) from report_events where report_id in (${ids.map(() => '?').join(',')})`)
      .pluck()
      .get(...ids) as number;
  const subscribed = planted.slice(0, 6).map((r) => r.id);
  for (const [label, last] of [
    ['live resident', lastEventOf(subscribed)],
    ['operator', lastEventOf(planted.map((r) => r.id))],
  ] as const)
    await waitFor(() => surfaces.some((s) => s.url.startsWith(`${label} `) && s.text.includes(`"eventId":${last}`)));
}, 60_000);

afterAll(async () => {
  for (const { socket } of sockets) socket.disconnect();
  await t.close();
});

// ---------------------------------------------------------------------------------------------------
// The crawl, generated from the OpenAPI document.

const DAY = 86_400_000;
const period = `from=${new Date(TEST_NOW - 30 * DAY).toISOString()}&to=${new Date(TEST_NOW + DAY).toISOString()}`;
const bbox = 'bbox=109.2,13.0,109.4,13.2';
/** Query strings worth asking each GET route (every route is also asked with none). */
const QUERIES: Record<string, string[]> = {
  'GET /api/reports': ['limit=500', 'status=received,assigned,in_progress,resolved,closed,reopened'],
  'GET /api/reports/nearby': [
    'categoryCode=street_lighting&lat=13.07&lng=109.27',
    'categoryCode=potholes&lat=13.07&lng=109.32',
  ],
  'GET /api/map': [`${bbox}&zoom=18&status=all`, `${bbox}&zoom=10&status=all`],
  'GET /api/ioc/map': [`${bbox}&zoom=18`, `${bbox}&zoom=10`],
  'GET /api/stats/summary': [period],
  'GET /api/stats/overview': [period],
  'GET /api/stats/reports': [
    ...['received', 'resolved', 'backlog', 'rated', 'onTime', 'late', 'rejected', 'duplicates', 'unsatisfied'].map(
      (f) => `${period}&figure=${f}&pageSize=200`,
    ),
  ],
  'GET /api/stats/heatmap': [period],
  'GET /api/stats/export.csv': [period],
  'GET /api/templates': ['categoryCode=street_lighting'],
  'GET /api/admin/audit': ['limit=500'],
  'GET /open311/v2/requests.{format}': [
    'extensions=true',
    'status=open&extensions=true',
    'status=closed&extensions=true',
    'lat=13.07&long=109.27&radius=5000&extensions=true',
  ],
  'GET /open311/v2/requests/{service_request_id}.{format}': ['extensions=true'],
};

/** Values for each path parameter (by route, then by name); a parameter with none fails the test. */
function paramValues(path: string, name: string): { value: string; reportId?: number }[] | undefined {
  const reportsById = planted.map((r) => ({ value: String(r.id), reportId: r.id }));
  if (name === 'format') return [{ value: 'json' }, { value: 'xml' }];
  if (path.startsWith('/api/photos/') && name === 'id') return photoIds().map((value) => ({ value }));
  if (path.startsWith('/api/reports/') && name === 'id') return reportsById;
  if (path.startsWith('/api/track/') && name === 'code')
    return [...planted, ...held].map((r) => ({ value: r.trackingCode }));
  if (name === 'service_code') return [{ value: 'street_lighting' }];
  if (name === 'service_request_id') return planted.map((r) => ({ value: r.open311Id ?? r.trackingCode }));
  if (name === 'token') return [{ value: 'no-such-token' }];
  return undefined;
}

/** Every photo id any answer linked to. */
function photoIds(): string[] {
  const ids = new Set<string>();
  for (const s of surfaces) for (const m of s.text.matchAll(/\/api\/photos\/([A-Za-z0-9_-]{22})/g)) ids.add(m[1]!);
  return [...ids];
}

/** Non-GET routes: exercised while planting (their answers are checked too), or left out for a reason. */
const PLANTED_WITH = new Set([
  'POST /api/reports',
  'POST /api/track/{code}/follow',
  'POST /api/track/{code}/comments',
  'POST /api/track/{code}/rating',
  'POST /api/track/{code}/actions',
  'POST /api/reports/{id}/transitions',
  'POST /api/reports/{id}/location',
  'POST /api/reports/{id}/priority',
  'POST /api/reports/{id}/notes',
  'POST /api/reports/{id}/correction',
  'POST /open311/v2/requests.{format}',
  'POST /api/admin/api-keys',
  'POST /api/review/{id}/release',
  'POST /api/review/{id}/discard',
  'POST /api/review/{id}/block-sender',
  'POST /api/reports/{id}/block-sender',
  'DELETE /api/blocked-senders/{id}',
]);
const ADMIN_WRITE =
  'administration of the city (catalogue, calendar, accounts, keys, boundaries): takes and answers no report or reporter data';
const EXCLUDED: Record<string, string> = {
  'POST /api/auth/login': 'answers only the signed-in account itself',
  'POST /api/auth/logout': 'answers nothing (204)',
  'POST /api/auth/totp/setup': "answers only the caller's own new second-factor secret",
  'POST /api/auth/totp/confirm': 'answers only the signed-in account itself',
  'DELETE /api/admin/users/{id}/totp': ADMIN_WRITE,
  'PUT /api/admin/calendar': ADMIN_WRITE,
  'POST /api/admin/areas/preview': ADMIN_WRITE,
  'POST /api/admin/areas/import': ADMIN_WRITE,
  'POST /api/admin/units': ADMIN_WRITE,
  'PATCH /api/admin/units/{id}': ADMIN_WRITE,
  'POST /api/admin/categories': ADMIN_WRITE,
  'PATCH /api/admin/categories/{code}': ADMIN_WRITE,
  'POST /api/admin/rules': ADMIN_WRITE,
  'PATCH /api/admin/rules/{id}': ADMIN_WRITE,
  'DELETE /api/admin/rules/{id}': ADMIN_WRITE,
  'POST /api/admin/rules/test': ADMIN_WRITE,
  'POST /api/admin/templates': ADMIN_WRITE,
  'PATCH /api/admin/templates/{id}': ADMIN_WRITE,
  'DELETE /api/admin/templates/{id}': ADMIN_WRITE,
  'POST /api/admin/users': ADMIN_WRITE,
  'PATCH /api/admin/users/{id}': ADMIN_WRITE,
  'DELETE /api/admin/api-keys/{id}': ADMIN_WRITE,
  'POST /api/admin/config': ADMIN_WRITE,
  // Admin GETs by id would go here; every admin GET is crawled.
};

/** GET routes crawled that cannot answer with a success here, and why. */
const NEVER_SUCCEEDS: Record<string, string> = {
  'GET /open311/v2/tokens/{token}.{format}': 'every service is realtime: no token is ever issued, so it answers 404',
};

/** Every concrete URL of a GET route, with the report it asks about. */
function urlsOf(path: string, route: string): { url: string; reportId?: number }[] | string {
  let expanded: { url: string; reportId?: number }[] = [{ url: path }];
  for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
    const values = paramValues(path, name!);
    if (!values) return `no values for the path parameter {${name}}`;
    expanded = expanded.flatMap((e) =>
      values.map((v) => ({ url: e.url.replace(`{${name}}`, v.value), reportId: v.reportId ?? e.reportId })),
    );
  }
  const queries = ['', ...(QUERIES[route] ?? [])];
  // Open311's own way to ask for given requests (it overrides every other filter).
  if (route === 'GET /open311/v2/requests.{format}')
    queries.push(`extensions=true&service_request_id=${planted.map((r) => r.open311Id ?? r.trackingCode).join(',')}`);
  return expanded.flatMap((e) => queries.map((q) => ({ ...e, url: q ? `${e.url}?${q}` : e.url })));
}

describe('personal data in every answer', () => {
  let routes: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const doc = (await t.app.inject({ url: '/api/docs' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      if (method !== 'GET') continue;
      const urls = urlsOf(path, route);
      if (typeof urls === 'string') {
        problems.push(`${route}: ${urls}`);
        continue;
      }
      for (const viewer of VIEWERS) for (const u of urls) await as(viewer, route, u.url, { reportId: u.reportId });
    }
  }, 60_000);

  it('crawls every route of the API description, or says why not', () => {
    expect(routes.length).toBeGreaterThan(60);
    const unaccounted = routes.filter((r) => !(r.startsWith('GET ') || PLANTED_WITH.has(r) || EXCLUDED[r]));
    expect(unaccounted, 'routes neither crawled nor excluded with a reason').toEqual([]);
    expect(problems).toEqual([]);
    // Planted routes were really exercised; every GET answered someone with a success.
    for (const r of PLANTED_WITH)
      expect(
        surfaces.some((s) => s.route === r),
        `${r} was not exercised`,
      ).toBe(true);
    const silent = routes.filter(
      (r) =>
        r.startsWith('GET ') &&
        !NEVER_SUCCEEDS[r] &&
        !surfaces.some((s) => s.route === r && s.status! >= 200 && s.status! < 300),
    );
    expect(silent, 'GET routes that never answered with a success: give them parameters').toEqual([]);
    expect(
      Object.keys(EXCLUDED).filter((r) => !routes.includes(r)),
      'stale exclusions',
    ).toEqual([]);
    // A failing answer hides nothing, but it would hide a leak from this crawl.
    const broken = surfaces.filter((s) => s.status !== undefined && (s.status >= 500 || s.status === 429));
    expect(broken.map((s) => `${s.status} ${s.route} ${s.url} as ${s.viewer}`)).toEqual([]);
  });

  it('shows no planted marker anywhere the domain does not allow it', () => {
    expect(markers.length).toBeGreaterThanOrEqual(40);
    expect(markers.every((m) => m.reportId > 0 || m.held)).toBe(true);
    const leaks: string[] = [];
    for (const s of surfaces) {
      const text = s.text.toLowerCase();
      for (const m of markers) {
        if (m.needles.some((n) => text.includes(n)) && !allowed(m, s))
          leaks.push(`${m.what} (report ${m.reportId}) in ${s.route} ${s.url} as ${s.viewer}`);
      }
    }
    expect([...new Set(leaks)]).toEqual([]);
  });

  it('does show the contact to the IOC and internal notes to staff who may see the report', () => {
    const seenBy = (m: Marker, viewer: ViewerName) =>
      surfaces.some(
        (s) =>
          // A report's detail; a held report's contact in the review queue until it is released.
          (m.reportId > 0 ? s.route === DETAIL && s.reportId === m.reportId : s.route === REVIEW) &&
          s.viewer === viewer &&
          m.needles.some((n) => s.text.toLowerCase().includes(n)),
      );
    for (const m of markers.filter((x) => x.kind === 'contact')) {
      expect(seenBy(m, 'operator'), `${m.what} for the operator`).toBe(true);
      // (A discarded held report leaves the queue: only the operator saw it, before discarding it.)
      if (m.reportId > 0) expect(seenBy(m, 'admin'), `${m.what} for the admin`).toBe(true);
    }
    for (const m of markers.filter((x) => x.kind === 'note')) {
      expect(seenBy(m, 'operator'), `${m.what} for the operator`).toBe(true);
      for (const viewer of ['staff.lighting', 'staff.roads'] as const)
        if (staffSees(viewer, m.reportId)) expect(seenBy(m, viewer), `${m.what} for ${viewer}`).toBe(true);
    }
  });

  it('serves photos without any metadata, to everyone who may see them', async () => {
    const ids = photoIds();
    // The filing photo, the after-photo and the resident's comment photo.
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      for (const variant of ['', '/thumb']) {
        const res = await t.app.inject({ url: `/api/photos/${id}${variant}`, headers: { cookie: cookies.operator! } });
        expect(res.statusCode).toBe(200);
        const meta = await sharp(res.rawPayload).metadata();
        expect(meta.exif, `EXIF in photo ${id}${variant}`).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.iptc).toBeUndefined();
      }
    }
    // None of these reports is rejected, so their photos are public: the crawl got every photo's bytes
    // as every viewer, signed in or not (a unit's staff browsing the public map see what residents see).
    const refused = surfaces
      .filter((s) => s.route.startsWith('GET /api/photos/') && s.status !== 200)
      .map((s) => `${s.url} as ${s.viewer}: ${s.status}`);
    expect(refused).toEqual([]);
    for (const id of ids)
      for (const viewer of VIEWERS)
        expect(
          surfaces.some((s) => s.route === 'GET /api/photos/{id}/thumb' && s.url.includes(id) && s.viewer === viewer),
        ).toBe(true);
  });

  it('sent the resident sockets the public view only, and staff sockets never a contact', () => {
    const resident = surfaces.filter((s) => s.route === 'socket:anonymous');
    expect(resident.length).toBeGreaterThan(planted.length * 2);
    const staff = surfaces.filter((s) => s.route.startsWith('socket:') && s.viewer !== 'anonymous');
    expect(new Set(staff.map((s) => s.viewer)).size).toBe(STAFF.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { reportEvents } from '../db/schema';
import { buildTestApp, reportBody, type TestApp } from '../test/app';
import { listen, recordEvents, resyncsOf, socketClient, waitFor, type TestSocket } from '../test/socket';

let t: TestApp;
let url: string;
const cookies: Record<string, string> = {};
const sockets: TestSocket[] = [];
beforeAll(async () => {
  t = await buildTestApp({ maxReplay: 50 });
  url = await listen(t);
  for (const u of ['operator', 'staff.lighting', 'staff.roads']) cookies[u] = await t.login(u);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t.close();
});

async function client(cookie?: string, lastEventId?: number) {
  const s = await socketClient(url, cookie, lastEventId === undefined ? {} : { lastEventId });
  sockets.push(s);
  return s;
}
const file = async (body = reportBody()) =>
  (await t.app.inject({ method: 'POST', url: '/api/reports', payload: body })).json();
const act = async (user: string, id: number, body: object) => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/reports/${id}/transitions`,
    payload: body,
    headers: { cookie: cookies[user]! },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json();
};
const eventIdsAfter = (id: number) =>
  t.db
    .select()
    .from(reportEvents)
    .orderBy(asc(reportEvents.id))
    .all()
    .filter((e) => e.id > id);

describe('live pushes', () => {
  it('shows an operator a new report the moment it is filed, without the reporter contact', async () => {
    const op = await client(cookies.operator);
    const seen = recordEvents(op);
    const created = await file(reportBody({ contact: { name: 'Phan Thị Kín', phone: '0900000001' } }));
    await waitFor(() => seen.some((e) => e.trackingCode === created.trackingCode));
    const event = seen.find((e) => e.trackingCode === created.trackingCode)!;
    expect(event.name).toBe('report:created');
    expect(event.report.actions).toContain('dispatch');
    expect(JSON.stringify(event.report)).not.toMatch(/Phan Thị Kín|0900000001/);
  });

  it("gives unit staff their reports once dispatched, and nothing of another unit's", async () => {
    const lighting = recordEvents(await client(cookies['staff.lighting']));
    const roads = recordEvents(await client(cookies['staff.roads']));
    const created = await file();
    await act('operator', created.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    await waitFor(() => lighting.some((e) => e.trackingCode === created.trackingCode));
    expect(lighting.filter((e) => e.trackingCode === created.trackingCode).map((e) => e.status)).toEqual(['assigned']);
    expect(lighting.find((e) => e.trackingCode === created.trackingCode)!.report.actions).toEqual([
      'acknowledge',
      'start',
      'resolve',
      'hand_back',
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(roads.some((e) => e.trackingCode === created.trackingCode)).toBe(false);
  });

  it("pushes a resident only their own report's changes, in the public view", async () => {
    const mine = await file(reportBody({ contact: { email: 'kin@example.vn' } }));
    const other = await file();
    const resident = await client();
    const seen = recordEvents(resident);
    const ack = await resident.emitWithAck('track:subscribe', { trackingCode: mine.trackingCode });
    expect(ack.ok && ack.data.report.status).toBe('received');
    await act('operator', other.id, { action: 'reject', version: 0, reason: 'Không rõ nội dung' });
    await act('operator', mine.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    await waitFor(() => seen.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => [e.trackingCode, e.status])).toEqual([[mine.trackingCode, 'assigned']]);
    expect(seen[0]!.report).not.toHaveProperty('version');
    expect(JSON.stringify(seen[0]!.report)).not.toContain('kin@example.vn');
  });

  it('sends a burst of filings to a dashboard as one frame, in order, each report once', async () => {
    const op = await client(cookies.operator);
    const seen = recordEvents(op);
    const burst = await Promise.all(Array.from({ length: 12 }, () => file()));
    const codes = new Set(burst.map((r) => r.trackingCode as string));
    await waitFor(() => seen.filter((e) => codes.has(e.trackingCode)).length === 12);
    await new Promise((r) => setTimeout(r, 100));
    const mine = seen.filter((e) => codes.has(e.trackingCode));
    expect(mine.map((e) => e.name)).toEqual(Array(12).fill('report:created'));
    // Filed in one turn, committed together, pushed together: one frame instead of twelve.
    expect(new Set(mine.map((e) => e.frame)).size).toBe(1);
    const ids = mine.map((e) => e.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(mine.map((e) => e.trackingCode)).size).toBe(12);
  });

  it('answers a subscription to an unknown code with a not_found ack', async () => {
    const resident = await client();
    const ack = await resident.emitWithAck('track:subscribe', { trackingCode: 'TH-0000-AAAAAA' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('resuming after a dropped connection', () => {
  it('replays every missed event to a reconnecting operator, in order, without duplicates', async () => {
    const first = await client(cookies.operator);
    const before = recordEvents(first);
    const a = await file();
    await waitFor(() => before.some((e) => e.trackingCode === a.trackingCode));
    const lastSeen = Math.max(...before.map((e) => e.eventId));
    first.disconnect();

    // While it is away: new reports and changes to old ones.
    const b = await file();
    const c = await file(reportBody({ categoryCode: 'potholes' }));
    const dispatched = await act('operator', a.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    await act('staff.lighting', a.id, { action: 'start', version: dispatched.version });
    await act('operator', b.id, { action: 'reject', version: 0, reason: 'Trùng nội dung' });
    const missed = eventIdsAfter(lastSeen);
    expect(missed.length).toBeGreaterThanOrEqual(5);

    // Reconnect while reports keep arriving: the replay and the live feed must not interleave.
    const second = socketClient(url, cookies.operator, { lastEventId: lastSeen });
    const racing = [file(), file()];
    const socket = await second;
    sockets.push(socket);
    const after = recordEvents(socket);
    const [d, e] = await Promise.all(racing);
    const f = await file();
    await waitFor(() => after.some((x) => x.trackingCode === f.trackingCode));

    const ids = after.map((x) => x.eventId);
    expect(ids).toEqual(eventIdsAfter(lastSeen).map((x) => x.id));
    expect(after.find((x) => x.trackingCode === c.trackingCode)?.name).toBe('report:created');
    for (const code of [d.trackingCode, e.trackingCode]) expect(after.some((x) => x.trackingCode === code)).toBe(true);
  });

  it('replays to unit staff only the events of their own unit', async () => {
    const start = eventIdsAfter(0).at(-1)!.id;
    const lightingReport = await file();
    await act('operator', lightingReport.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    const roadsReport = await file(reportBody({ categoryCode: 'potholes', lat: 13.07, lng: 109.32 }));
    await act('operator', roadsReport.id, { action: 'dispatch', version: 0, unitId: t.ids.units.roads });

    const back = await socketClient(url, cookies['staff.roads'], { lastEventId: start });
    sockets.push(back);
    const seen = recordEvents(back);
    await waitFor(() => seen.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.map((e) => [e.trackingCode, e.status])).toEqual([[roadsReport.trackingCode, 'assigned']]);
  });

  it('tells a client too far behind to reload its list, and still delivers live events', async () => {
    const lastEventId = eventIdsAfter(0).at(-1)!.id;
    for (let i = 0; i < 60; i++) await file();
    const late = await socketClient(url, cookies.operator, { lastEventId });
    sockets.push(late);
    const seen = recordEvents(late);
    const resync = resyncsOf(late);
    await waitFor(() => resync.length === 1);
    expect(resync[0]).toBe(eventIdsAfter(0).at(-1)!.id);
    const live = await file();
    await waitFor(() => seen.some((e) => e.trackingCode === live.trackingCode));
    expect(seen).toHaveLength(1);
  });

  it('tells a client whose last event id this database never reached (a restored backup) to reload', async () => {
    const newest = eventIdsAfter(0).at(-1)!.id;
    const ahead = await socketClient(url, cookies.operator, { lastEventId: newest + 100 });
    sockets.push(ahead);
    const resync = resyncsOf(ahead);
    await waitFor(() => resync.length === 1);
    expect(resync).toEqual([newest]);
  });

  it('replays nothing to a socket that is not signed in', async () => {
    const anon = await client(undefined, 0);
    const seen = recordEvents(anon);
    await file();
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([]);
  });
});

describe('pushes under a stream of changes (one frame per room every staffFrameMs at most)', () => {
  let slow: TestApp;
  let slowUrl: string;
  let cookie: string;
  const open: TestSocket[] = [];
  beforeAll(async () => {
    // A long frame interval, so that what a busy server does within 10 ms is seen at a test's pace.
    slow = await buildTestApp({ staffFrameMs: 400 });
    slowUrl = await listen(slow);
    cookie = await slow.login('operator');
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await slow.close();
  });
  const fileSlow = async () =>
    (await slow.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })).json() as Promise<{
      trackingCode: string;
    }>;
  const lastEvent = () => slow.db.select().from(reportEvents).orderBy(asc(reportEvents.id)).all().at(-1)!.id;

  it('sends a lone change at once, then gathers the changes that follow into few frames, in order', async () => {
    const op = await socketClient(slowUrl, cookie);
    open.push(op);
    const seen = recordEvents(op);
    await new Promise((r) => setTimeout(r, 450)); // a quiet spell
    const lone = await fileSlow();
    // Received while the next frame is still being held back: the first frame did not wait.
    await waitFor(() => seen.some((e) => e.trackingCode === lone.trackingCode), 300);
    const next: { trackingCode: string }[] = [];
    for (let i = 0; i < 5; i++) next.push(await fileSlow()); // five commits, one after another
    await waitFor(() => next.every((r) => seen.some((e) => e.trackingCode === r.trackingCode)));
    const frames = new Set(seen.filter((e) => next.some((r) => r.trackingCode === e.trackingCode)).map((e) => e.frame));
    expect(frames.size).toBeLessThanOrEqual(2);
    const ids = seen.map((e) => e.eventId);
    expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });

  it('gives a socket that resumes while a frame is held back every event once, in order', async () => {
    const watcher = recordEvents(await socketClient(slowUrl, cookie));
    const from = lastEvent();
    await fileSlow();
    await fileSlow();
    // Both are committed and held for the next frame: a dashboard resuming now replays them.
    const resumed = await socketClient(slowUrl, cookie, { lastEventId: from });
    open.push(resumed);
    const seen = recordEvents(resumed);
    const last = await fileSlow();
    await waitFor(() => seen.some((e) => e.trackingCode === last.trackingCode) && watcher.length >= 3);
    await new Promise((r) => setTimeout(r, 450));
    const expected = slow.db
      .select()
      .from(reportEvents)
      .orderBy(asc(reportEvents.id))
      .all()
      .filter((e) => e.id > from)
      .map((e) => e.id);
    expect(seen.map((e) => e.eventId)).toEqual(expected);
  });
});

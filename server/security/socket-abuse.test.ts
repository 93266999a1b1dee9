import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SOCKET_LIMITS } from '../realtime/guard';
import { buildTestApp, reportBody, type TestApp } from '../test/app';
import { listen, recordEvents, socketClient, waitFor, type TestSocket } from '../test/socket';

// Abusive socket clients (oversized frames, malformed payloads and packets, unknown events, binary,
// floods) are disconnected or answered with an error, and a resident following a report and an
// operator watching the feed, connected all along, still get the next live update.

let t: TestApp;
let url: string;
let operatorCookie: string;
let resident: TestSocket;
let operator: TestSocket;
let followed: { id: number; trackingCode: string };
const sockets: TestSocket[] = [];
const raws: WebSocket[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  url = await listen(t);
  operatorCookie = await t.login('operator');
  followed = (await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })).json();
  resident = await client();
  const ack = await resident.timeout(2000).emitWithAck('track:subscribe', { trackingCode: followed.trackingCode });
  expect(ack.ok).toBe(true);
  operator = await client(operatorCookie);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const w of raws) w.terminate();
  await t.close();
});

async function client(cookie?: string): Promise<TestSocket> {
  const s = await socketClient(url, cookie);
  sockets.push(s);
  return s;
}

/** A socket that may send anything, as an attacker's would. */
type Loose = { emit(event: string, ...args: unknown[]): void };

/** Resolves with the disconnect reason once the server has dropped the socket. */
const disconnected = (s: TestSocket) =>
  new Promise<string>((resolve) => (s.disconnected ? resolve('already') : s.once('disconnect', resolve)));

/** A raw engine.io WebSocket that has joined the default namespace (as socket.io-client would). */
async function rawSocket(): Promise<{ ws: WebSocket; closed: Promise<number>; received: string[] }> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  raws.push(ws);
  const received: string[] = [];
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('message', (data) => {
    const text = String(data);
    received.push(text);
    if (text === '2') ws.send('3'); // answer the server's ping
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send('40');
  await waitFor(() => received.some((m) => m.startsWith('40')));
  return { ws, closed, received };
}

describe('abusive socket clients', () => {
  it('closes a connection that sends a frame bigger than the limit', async () => {
    const { ws, closed } = await rawSocket();
    const code = 'a'.repeat(SOCKET_LIMITS.maxFrameBytes + 1000);
    ws.send(`42["track:subscribe",{"trackingCode":"${code}"}]`);
    expect(await closed).toBe(1009); // "message too big"
  });

  it('closes connections that send packets engine.io or socket.io cannot parse', async () => {
    for (const garbage of [
      'x',
      '9',
      '4{',
      '42[',
      '42{"a":1}',
      '42["track:subscribe"',
      '\u0000\u0001',
      '4' + '['.repeat(5000),
    ]) {
      const { ws, closed } = await rawSocket();
      ws.send(garbage);
      expect(typeof (await closed), JSON.stringify(garbage)).toBe('number');
    }
  });

  it('disconnects a client that sends binary, an unknown event or a raw binary frame', async () => {
    const binary = await client();
    const gone = disconnected(binary);
    (binary as unknown as Loose).emit('track:subscribe', Buffer.from('abc'));
    expect(await gone).toBe('io server disconnect');

    for (const event of ['admin:promote', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const unknown = await client();
      const gone2 = disconnected(unknown);
      (unknown as unknown as Loose).emit(event, { trackingCode: followed.trackingCode }, () => {});
      expect(await gone2, event).toBe('io server disconnect');
    }
    // An event name that is a number, written by hand.
    const numbered = await rawSocket();
    numbered.ws.send('42[7,{"trackingCode":"x"}]');
    expect(typeof (await numbered.closed)).toBe('number');

    const { ws, closed } = await rawSocket();
    ws.send(Buffer.from([0x04, 0xff, 0x00, 0x13]));
    expect(typeof (await closed)).toBe('number');
  });

  it('answers malformed but small commands with an error ack, then disconnects a client that keeps sending them', async () => {
    const s = await client();
    const gone = disconnected(s);
    const malformed: unknown[] = [
      'TH-2611-AAAAAA',
      42,
      null,
      [followed.trackingCode],
      { trackingCode: 12345 },
      { trackingCode: 'x'.repeat(5000) },
      { trackingCode: followed.trackingCode, afterEventId: 'NaN' },
    ];
    const acks = [];
    for (const payload of malformed.slice(0, SOCKET_LIMITS.maxMalformed)) {
      acks.push(await s.timeout(2000).emitWithAck('track:subscribe', payload as never));
    }
    for (const ack of acks) expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(s.connected).toBe(true);
    // Still a working client: a well-formed command is answered.
    const good = await s.timeout(2000).emitWithAck('track:unsubscribe', { trackingCode: followed.trackingCode });
    expect(good).toEqual({ ok: true, data: null });
    s.emit('track:subscribe', malformed[SOCKET_LIMITS.maxMalformed] as never, () => {});
    expect(await gone).toBe('io server disconnect');
  });

  it('disconnects a client that floods events faster than a person could', async () => {
    const s = await client();
    const gone = disconnected(s);
    for (let i = 0; i < SOCKET_LIMITS.burst * 5; i++)
      s.emit('track:unsubscribe', { trackingCode: 'TH-0000-000000' }, () => {});
    expect(await gone).toBe('io server disconnect');
  });

  it('keeps the resident and the operator connected through all of it, and gives both the next live update', async () => {
    expect(resident.connected).toBe(true);
    expect(operator.connected).toBe(true);
    const residentSeen = recordEvents(resident);
    const operatorSeen = recordEvents(operator);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${followed.id}/transitions`,
      headers: { cookie: operatorCookie },
      payload: { action: 'dispatch', version: 0, unitId: t.ids.units.lighting },
    });
    expect(res.statusCode).toBe(200);
    await waitFor(() => residentSeen.some((e) => e.trackingCode === followed.trackingCode && e.status === 'assigned'));
    await waitFor(() => operatorSeen.some((e) => e.trackingCode === followed.trackingCode && e.status === 'assigned'));
    const created = (await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })).json();
    await waitFor(() =>
      operatorSeen.some((e) => e.name === 'report:created' && e.trackingCode === created.trackingCode),
    );
    // A newcomer can still connect and follow a report.
    const newcomer = await client();
    const ack = await newcomer.timeout(2000).emitWithAck('track:subscribe', { trackingCode: created.trackingCode });
    expect(ack.ok).toBe(true);
  });
});

import { io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/schemas/common';
import { buildTestApp, reportBody, type TestApp, type TestAppOptions } from '../test/app';
import { listen, type TestSocket } from '../test/socket';

// Socket handshakes: a page of another site may not open a socket (it would carry the staff cookie);
// `track:subscribe` is a lookup by tracking code and shares the HTTP lookup limit.

let t: TestApp;
let base: string;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t?.close();
});

async function start(options: TestAppOptions = {}) {
  t = await buildTestApp(options);
  base = await listen(t);
}

/** Opens a socket with these handshake headers; resolves 'connected' or the refusal. */
function handshake(headers: Record<string, string>): Promise<{ socket: TestSocket; outcome: 'connected' | 'refused' }> {
  const socket: TestSocket = connect(base, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, outcome: 'connected' }));
    socket.once('connect_error', () => resolve({ socket, outcome: 'refused' }));
  });
}

const subscribe = (socket: TestSocket, trackingCode: string) =>
  new Promise<Ack<unknown>>((resolve) => socket.emit('track:subscribe', { trackingCode }, (res) => resolve(res)));

describe('socket handshakes', () => {
  it("refuses a handshake from another site's page, even with a staff cookie", async () => {
    await start();
    const cookie = await t.login('operator');
    expect((await handshake({ origin: 'https://evil.example', cookie })).outcome).toBe('refused');
    expect((await handshake({ origin: 'null' })).outcome).toBe('refused');
    expect((await handshake({ 'sec-fetch-site': 'cross-site', cookie })).outcome).toBe('refused');
  });

  it("believes the browser's Sec-Fetch-Site: same-origin even when a proxy rewrote the Host", async () => {
    await start();
    const headers = { origin: 'https://ioc.tuyhoa.gov.vn', 'sec-fetch-site': 'same-origin' };
    expect((await handshake(headers)).outcome).toBe('connected');
  });

  it('accepts the site itself, an allowlisted site, and clients that send no Origin', async () => {
    await start({ corsOrigins: ['https://portal.tuyhoa.gov.vn'] });
    const cookie = await t.login('operator');
    expect((await handshake({ origin: base, cookie })).outcome).toBe('connected');
    expect((await handshake({ origin: 'https://portal.tuyhoa.gov.vn' })).outcome).toBe('connected');
    expect((await handshake({})).outcome).toBe('connected');
    expect((await handshake({ origin: 'https://evil.example' })).outcome).toBe('refused');
  });
});

describe('track:subscribe limit', () => {
  it('answers the ack with rate_limited past TRACK_RATE_LIMIT, shared with HTTP lookups, and recovers', async () => {
    await start({ rateLimits: { trackPerMinute: 3 } });
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() });
    const { trackingCode } = filed.json<{ trackingCode: string }>();
    const { socket } = await handshake({});
    expect((await subscribe(socket, trackingCode)).ok).toBe(true);
    expect((await subscribe(socket, 'TH-0000-000001')).ok).toBe(false);
    // The same client over HTTP (the socket's peer is 127.0.0.1).
    expect((await fetch(`${base}/api/track/${trackingCode}`)).status).toBe(200);
    const refused = await subscribe(socket, trackingCode);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await fetch(`${base}/api/track/${trackingCode}`)).status).toBe(429);
    t.clock.advance(60_000);
    expect(await subscribe(socket, trackingCode)).toMatchObject({ ok: true });
  });
});

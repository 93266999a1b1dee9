import { io as connect, type Socket } from 'socket.io-client';
import type { AddressInfo } from 'node:net';
import type {
  ClientToServerEvents,
  HandshakeAuth,
  PublicReportEvent,
  ServerToClientEvents,
  StaffReportEvent,
} from '../../shared/realtime/events';
import type { TestApp } from './app';

/** A typed socket.io client, as the web uses. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Starts the test app on 127.0.0.1 and an ephemeral port; returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

/**
 * What a test socket received, in arrival order: each event of a staff `report:batch` frame (named
 * after its kind) and each resident `report:updated`.
 */
export interface Received {
  name: 'report:created' | 'report:updated';
  /** Which frame it came in (the n-th report frame this socket received, from 0). */
  frame: number;
  eventId: number;
  trackingCode: string;
  status: string;
  report: Record<string, unknown>;
}

const received = new WeakMap<TestSocket, { events: Received[]; resyncs: number[] }>();

/**
 * A connected client; `cookie` signs it in as staff, `auth` is its handshake (e.g. `{ lastEventId }`).
 * It records events from before it connects, as a browser does, since a replay arrives at once.
 */
export async function socketClient(url: string, cookie?: string, auth: HandshakeAuth = {}): Promise<TestSocket> {
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    auth: { ...auth },
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  const log = { events: [] as Received[], resyncs: [] as number[] };
  received.set(socket, log);
  let frames = 0;
  const record = (name: Received['name'], frame: number, p: StaffReportEvent | PublicReportEvent) =>
    log.events.push({
      name,
      frame,
      eventId: p.eventId,
      trackingCode: p.report.trackingCode,
      status: p.report.status,
      report: p.report as never,
    });
  socket.on('report:batch', ({ events }) => {
    const frame = frames++;
    for (const e of events) record(e.kind === 'created' ? 'report:created' : 'report:updated', frame, e);
  });
  socket.on('report:updated', (p) => record('report:updated', frames++, p));
  socket.on('feed:resync', (p) => log.resyncs.push(p.lastEventId));
  socket.connect();
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Every report event a socket has received, in arrival order (a live array). */
export function recordEvents(socket: TestSocket): Received[] {
  return received.get(socket)!.events;
}

/** The `lastEventId` of each `feed:resync` a socket received. */
export function resyncsOf(socket: TestSocket): number[] {
  return received.get(socket)!.resyncs;
}

/** Waits until `predicate` holds, polling; fails after `ms`. */
export async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

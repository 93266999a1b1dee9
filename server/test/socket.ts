import { io as connect, type Socket } from 'socket.io-client';
import type { AddressInfo } from 'node:net';
import type {
  ClientToServerEvents,
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

/** A connected client; `cookie` signs it in as staff. */
export async function socketClient(url: string, cookie?: string): Promise<TestSocket> {
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Records every report event a socket receives, in arrival order. */
export function recordEvents(socket: TestSocket) {
  const seen: {
    name: string;
    eventId: number;
    trackingCode: string;
    status: string;
    report: Record<string, unknown>;
  }[] = [];
  for (const name of ['report:created', 'report:updated'] as const) {
    socket.on(name, (p: StaffReportEvent | PublicReportEvent) =>
      seen.push({
        name,
        eventId: p.eventId,
        trackingCode: p.report.trackingCode,
        status: p.report.status,
        report: p.report as never,
      }),
    );
  }
  return seen;
}

/** Waits until `predicate` holds, polling; fails after `ms`. */
export async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

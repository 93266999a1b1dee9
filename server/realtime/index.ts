import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AuthService } from '../modules/auth/auth.service';
import type { ReportWriter } from '../modules/reports/report-writer';
import type { ReportsService } from '../modules/reports/reports.service';
import { Broadcaster } from './broadcaster';
import { registerHandlers, startStaffFeed } from './handlers';
import type { RealtimeServer } from './types';

/** Dependencies of the realtime layer. */
export interface RealtimeDeps {
  auth: AuthService;
  reports: ReportsService;
  writer: ReportWriter;
  /** Reads the session token from a Cookie header. */
  sessionToken(cookieHeader: string | undefined): string | undefined;
  /** Most missed events replayed at a reconnect before the client is told to reload instead. */
  maxReplay?: number;
}

/**
 * Attaches socket.io to the HTTP server: staff sockets authenticate with the session cookie at the
 * handshake and join their rooms; residents connect anonymously and subscribe to tracking codes.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  io.use((socket, next) => {
    socket.data.user = deps.auth.authenticate(deps.sessionToken(socket.handshake.headers.cookie));
    next();
  });
  io.on('connection', (socket) => {
    startStaffFeed(socket, deps.reports, deps.maxReplay);
    registerHandlers(socket, deps.reports);
  });
  deps.writer.onCommitted(new Broadcaster(io, deps.reports));
  return io;
}

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { AuthService } from '../modules/auth/auth.service';
import type { ReportWriter } from '../modules/reports/report-writer';
import type { ReportsService } from '../modules/reports/reports.service';
import { Broadcaster } from './broadcaster';
import { guardSocket, SOCKET_LIMITS } from './guard';
import { registerHandlers, startStaffFeed } from './handlers';
import type { RealtimeServer, RealtimeSocket } from './types';

/** Dependencies of the realtime layer. */
export interface RealtimeDeps {
  auth: AuthService;
  reports: ReportsService;
  writer: ReportWriter;
  /** Reads the session token from a Cookie header. */
  sessionToken(cookieHeader: string | undefined): string | undefined;
  /** Most missed events replayed at a reconnect before the client is told to reload instead. */
  maxReplay?: number;
  /** Shortest time between two staff frames under load (default STAFF_FRAME_MS). */
  staffFrameMs?: number;
  /** Whether a handshake may proceed (a foreign Origin may not); absent: every one may. */
  allowHandshake?(request: IncomingMessage): boolean;
  /** Counts one tracking-code lookup by this socket's client; null when allowed, else seconds to wait. */
  trackLookup?(socket: RealtimeSocket): number | null;
  /** Headers added to engine.io's own HTTP answers (polling, handshake), which Fastify never sees. */
  headers?: Record<string, string>;
}

/**
 * Attaches socket.io to the HTTP server: staff sockets authenticate with the session cookie at the
 * handshake and join their rooms; residents connect anonymously and subscribe to tracking codes.
 */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    cors: { origin: false },
    // Clients only send tracking codes: a bigger frame is abuse, and closes the connection.
    maxHttpBufferSize: SOCKET_LIMITS.maxFrameBytes,
    // A page on another site could otherwise open a socket with the staff cookie (CSWSH).
    allowRequest: (request, callback) => {
      const allowed = deps.allowHandshake?.(request) ?? true;
      callback(allowed ? null : 'This site may not connect here (Origin refused).', allowed);
    },
  });
  if (deps.headers) {
    const extra = deps.headers;
    io.engine.on('headers', (headers: Record<string, string>) => Object.assign(headers, extra));
  }
  io.use((socket, next) => {
    socket.data.user = deps.auth.authenticate(deps.sessionToken(socket.handshake.headers.cookie));
    next();
  });
  const broadcaster = new Broadcaster(io, deps.reports, deps.staffFrameMs);
  io.on('connection', (socket) => {
    guardSocket(socket);
    startStaffFeed(socket, deps.reports, () => broadcaster.flush(), deps.maxReplay);
    registerHandlers(socket, deps.reports, deps.trackLookup && (() => deps.trackLookup!(socket)));
  });
  deps.writer.onCommitted(broadcaster);
  return io;
}

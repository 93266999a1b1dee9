import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from '../../shared/realtime/events';
import type { AuthUser } from '../modules/auth/auth.service';

/** What the server keeps on each socket. */
export interface SocketData {
  user: AuthUser | null;
}

/** The typed socket.io server. */
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
/** One typed socket. */
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

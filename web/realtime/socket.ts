import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../shared/realtime/events';

/** The typed socket, from the one event catalogue in shared/. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Live connection as a person sees it. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

/** How long a command waits for its ack before it counts as failed. */
export const ACK_TIMEOUT_MS = 10_000;

const closedByUs = new WeakSet<AppSocket>();

/**
 * Opens a socket to the same origin; the session cookie (if any) places staff in their rooms. `auth`
 * is asked again at every (re)connection, so the server replays exactly what was missed since.
 */
export function openSocket(auth?: () => HandshakeAuth): AppSocket {
  const socket: AppSocket = io({
    path: '/socket.io',
    withCredentials: true,
    transports: ['websocket', 'polling'],
    ...(auth ? { auth: (cb: (data: object) => void) => cb({ ...auth() }) } : {}),
  });
  socket.on('disconnect', (reason) => {
    // socket.io does not reconnect by itself when the server closed the connection (a restart or
    // deploy closes every socket): come back after a short, spread-out pause.
    if (reason !== 'io server disconnect') return;
    setTimeout(
      () => {
        if (!closedByUs.has(socket) && !socket.connected) socket.connect();
      },
      1000 + Math.random() * 2000,
    );
  });
  return socket;
}

/** Closes a socket for good (the screen is gone); it will not reconnect. */
export function closeSocket(socket: AppSocket): void {
  closedByUs.add(socket);
  socket.disconnect();
}

/** Calls `onChange` as the socket connects, drops and comes back; returns an unsubscribe. */
export function watchConnection(socket: AppSocket, onChange: (state: ConnectionState) => void): () => void {
  const up = () => onChange('connected');
  const down = () => onChange('reconnecting');
  socket.on('connect', up);
  socket.on('disconnect', down);
  socket.on('connect_error', down);
  return () => {
    socket.off('connect', up);
    socket.off('disconnect', down);
    socket.off('connect_error', down);
  };
}

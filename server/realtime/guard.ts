import { z } from 'zod';
import type { RealtimeSocket } from './types';

/** What one socket may send. Clients only ever send a tracking code and an event id. */
export const SOCKET_LIMITS = {
  /** Largest frame (engine.io `maxHttpBufferSize`): a bigger one closes the connection. */
  maxFrameBytes: 16 * 1024,
  /** Token bucket per socket: a burst of this many events ... */
  burst: 20,
  /** ... refilled at this many per second. A socket that sends faster is disconnected. */
  perSecond: 5,
  /** Malformed commands answered with an error ack before the socket is disconnected. */
  maxMalformed: 5,
};

const TrackingPayload = z.object({
  trackingCode: z.string().min(1).max(40),
  afterEventId: z.number().int().nonnegative().optional(),
});

/** The commands a client may send, with their payloads: any other event disconnects the socket. */
const COMMANDS: Record<string, z.ZodType> = {
  'track:subscribe': TrackingPayload,
  'track:unsubscribe': TrackingPayload.pick({ trackingCode: true }),
};

/** Whether a decoded payload carries binary attachments (clients never send any). */
function hasBinary(value: unknown): boolean {
  const stack = [value];
  for (let seen = 0; stack.length && seen < 10_000; seen++) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Buffer.isBuffer(v) || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return true;
    stack.push(...Object.values(v));
  }
  return stack.length > 0;
}

/** Counts events against a token bucket; false once the socket has sent more than it may. */
function bucket(now: () => number = () => performance.now()): () => boolean {
  let tokens = SOCKET_LIMITS.burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(SOCKET_LIMITS.burst, tokens + ((t - last) / 1000) * SOCKET_LIMITS.perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * Checks every event a socket sends before its handler runs: known command, no binary, a payload of
 * the right shape (else an error ack; repeated, a disconnect) and a rate a person could produce (else
 * a disconnect). The handlers then only ever see well-formed commands, and one abusive client costs
 * the others nothing.
 */
export function guardSocket(socket: RealtimeSocket): void {
  const take = bucket();
  let malformed = 0;
  // The reason is for a reader of this code (and a debugger): the client only sees the disconnect.
  const drop = (_reason: 'flood' | 'unknown_event' | 'binary' | 'malformed') => void socket.disconnect(true);
  socket.use((packet, next) => {
    if (!take()) return drop('flood');
    const [event, ...args] = packet as [string, ...unknown[]];
    // Own keys only: an event named `constructor` or `__proto__` must not find Object's members.
    const schema = typeof event === 'string' && Object.hasOwn(COMMANDS, event) ? COMMANDS[event] : undefined;
    if (!schema) return drop('unknown_event');
    if (hasBinary(args)) return drop('binary');
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (res: unknown) => void) : undefined;
    if (args.length === 1 && schema.safeParse(args[0]).success) return next();
    if (++malformed > SOCKET_LIMITS.maxMalformed) return drop('malformed');
    ack?.({
      ok: false,
      error: { code: 'bad_request', message: `${event} takes one object: { trackingCode, afterEventId? }.` },
    });
  });
}

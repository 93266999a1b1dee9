import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './errors';

/** How the server protects itself when asked for more than it can do. */
export interface OverloadOptions {
  /** Shed requests while the event loop lags more than this (ms); 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Seconds a client is told to wait (`Retry-After`) before trying again. */
  retryAfterSeconds: number;
  /** Most requests being served at once (0 = no limit). */
  maxInFlight: number;
}

/** Sensible defaults: filing takes a few ms, so a 300 ms lag means requests queue far beyond it. */
export const DEFAULT_OVERLOAD: OverloadOptions = {
  maxEventLoopDelayMs: 300,
  retryAfterSeconds: 5,
  maxInFlight: 64,
};

/** No shedding at all (tests that are not about it). */
export const NO_OVERLOAD: OverloadOptions = {
  ...DEFAULT_OVERLOAD,
  maxEventLoopDelayMs: 0,
  maxInFlight: 0,
};

/** How long after listening the lag check ignores the start's own lag. */
const STARTUP_GRACE_MS = 2000;

function unavailable(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number, detail: string) {
  reply.header('Retry-After', String(retryAfterSeconds));
  return sendProblem(reply, request, 'unavailable', detail);
}

/**
 * Load shedding and draining. While the event loop lags beyond the limit (measured by
 * @fastify/under-pressure), new requests get a cheap 503 with `Retry-After` instead of queueing until
 * every client times out; once the lag falls, requests are served again. While the server shuts down,
 * requests already running finish and new ones on open connections get the same 503 (and the
 * connection is closed), so a client retries against the next instance or after the restart. A 503 is
 * always answered before the handler runs: nothing it asked for was done.
 */
export function registerOverloadProtection(app: FastifyInstance, options: OverloadOptions): void {
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  let inFlight = 0;
  let listeningSince = Infinity;
  app.addHook('onListen', (done) => {
    listeningSince = Date.now();
    done();
  });
  const counted = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (request, reply) => {
    if (draining) {
      reply.header('Connection', 'close');
      return unavailable(request, reply, options.retryAfterSeconds, 'The server is restarting. Try again shortly.');
    }
    // An upload spends most of its life arriving (a phone on 3G): it is not counted here, and its
    // photos' processing has its own gate (PhotosService).
    if (request.headers['content-type']?.toLowerCase().startsWith('multipart/')) return;
    if (options.maxInFlight > 0 && inFlight >= options.maxInFlight)
      return unavailable(request, reply, options.retryAfterSeconds, 'The server is overloaded. Try again shortly.');
    // Counted until the response is sent or the client goes away, whichever comes first.
    inFlight++;
    counted.add(request);
  });
  const release = async (request: FastifyRequest) => {
    if (counted.delete(request)) inFlight--;
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
  if (options.maxEventLoopDelayMs <= 0) return;
  void app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    // Sampled often enough to react within a fraction of a second, both ways.
    sampleInterval: 200,
    pressureHandler: (request, reply) => {
      // The lag of the start's own work (migrations, the demo city, indexes) is not load: requests in
      // the first moments after listening are served, until the samples reflect requests alone.
      if (Date.now() - listeningSince < STARTUP_GRACE_MS) return;
      request.log.warn({ eventLoopDelay: app.memoryUsage().eventLoopDelay }, 'overloaded: request shed');
      void unavailable(request, reply, options.retryAfterSeconds, 'The server is overloaded. Try again shortly.');
    },
  });
}

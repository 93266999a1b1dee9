import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/app-error';
import type { Clock } from '../domain/clock';
import { LoginLockout, WindowLimiter } from '../domain/rate-limiter';
import { DEVICE_ID_HEADER, deviceIdOf } from '../modules/spam/sender';

/** Limits from the environment; 0 turns one off. */
export interface RateLimits {
  /** Reports one client address may file per minute (web form and Open311). */
  reportsPerMinute: number;
  /** Reports one device (the app's `X-Device-Id`) may file per hour, from any address. */
  reportsPerDevicePerHour: number;
  /** Sign-in attempts per minute per client address. */
  loginPerMinute: number;
  /** Failed sign-ins on one username that lock it (from every address). */
  loginAccountMaxFailures: number;
  /** How long failures count, and how long a locked username stays locked. */
  loginLockoutMs: number;
  /** Lookups by tracking code per minute per client address (HTTP and socket `track:subscribe`). */
  trackPerMinute: number;
}

/** Every limit off: the default of buildApp and of test apps. */
export const NO_RATE_LIMITS: RateLimits = {
  reportsPerMinute: 0,
  reportsPerDevicePerHour: 0,
  loginPerMinute: 0,
  loginAccountMaxFailures: 0,
  loginLockoutMs: 15 * 60_000,
  trackPerMinute: 0,
};

type Bucket = 'filing' | 'login' | 'track';

// The limited routes, as `METHOD pattern` (HEAD counts as its GET).
const ROUTES: Record<string, Bucket> = {
  'POST /api/reports': 'filing',
  'POST /open311/v2/:file': 'filing',
  'POST /api/auth/login': 'login',
  'GET /api/track/:code': 'track',
  'POST /api/track/:code/follow': 'track',
  'POST /api/track/:code/comments': 'track',
  'POST /api/track/:code/rating': 'track',
  'POST /api/track/:code/actions': 'track',
  'GET /open311/v2/requests/:file': 'track',
};
const LOGIN_ROUTE = 'POST /api/auth/login';

const MESSAGES: Record<Bucket, string> = {
  filing: 'Too many reports from this address. Please wait a moment before sending another.',
  login: 'Too many sign-in attempts from this address. Please wait before trying again.',
  track: 'Too many tracking-code lookups from this address. Please wait a moment.',
};

const routeKey = (request: FastifyRequest) =>
  `${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url ?? ''}`;

/** The username a sign-in names, as the lockout keys it (case and spaces do not make a new account). */
function accountOf(body: unknown): string | undefined {
  const u = (body as { username?: unknown } | null)?.username;
  return typeof u === 'string' && u.trim() ? u.trim().toLowerCase() : undefined;
}

/** A 429 `rate_limited` with Retry-After in seconds (headers set before a throw are kept). */
function refuse(reply: FastifyReply, seconds: number, detail: string): never {
  reply.header('Retry-After', String(seconds));
  throw new AppError('rate_limited', detail);
}

/** What the socket layer shares with HTTP: the tracking-lookup budget of one client address. */
export interface RateLimitHandle {
  /** Counts a lookup by tracking code; null when allowed, else the seconds to wait. */
  trackLookup(clientAddress: string): number | null;
}

/**
 * Rate limits keyed by `request.ip` (so by TRUST_PROXY's rule, never by a header a client wrote):
 * filing, sign-in and tracking-code lookups per address at onRequest (a refused upload is never read),
 * and per-username sign-in lockout around the login route, which belongs to the auth module.
 */
export function registerRateLimits(app: FastifyInstance, clock: Clock, limits: RateLimits): RateLimitHandle {
  const minute = 60_000;
  const buckets: Partial<Record<Bucket, WindowLimiter>> = {};
  if (limits.reportsPerMinute > 0) buckets.filing = new WindowLimiter(clock, limits.reportsPerMinute, minute);
  if (limits.loginPerMinute > 0) buckets.login = new WindowLimiter(clock, limits.loginPerMinute, minute);
  if (limits.trackPerMinute > 0) buckets.track = new WindowLimiter(clock, limits.trackPerMinute, minute);

  const perDevice =
    limits.reportsPerDevicePerHour > 0 ? new WindowLimiter(clock, limits.reportsPerDevicePerHour, 60 * minute) : null;

  app.addHook('onRequest', async (request, reply) => {
    const bucket = ROUTES[routeKey(request)];
    const limiter = bucket && buckets[bucket];
    if (limiter) {
      const wait = limiter.hit(request.ip);
      if (wait !== null) refuse(reply, wait, MESSAGES[bucket]);
    }
    // One phone moving between networks (or a script rotating addresses with one app id) is one device.
    const device = bucket === 'filing' && perDevice ? deviceIdOf(request.headers[DEVICE_ID_HEADER]) : undefined;
    if (device !== undefined) {
      const wait = perDevice!.hit(device);
      if (wait !== null) refuse(reply, wait, 'Too many reports from this device. Please wait before sending another.');
    }
  });

  if (limits.loginAccountMaxFailures > 0) {
    const lockout = new LoginLockout(clock, limits.loginAccountMaxFailures, limits.loginLockoutMs);
    const counted = new WeakMap<FastifyRequest, string>();
    // After the body is parsed (the username is in it) and before the password is checked.
    app.addHook('preHandler', async (request, reply) => {
      if (routeKey(request) !== LOGIN_ROUTE) return;
      const account = accountOf(request.body);
      if (!account) return;
      const wait = lockout.lockedFor(account);
      if (wait !== null)
        refuse(reply, wait, 'Too many failed sign-ins for this username. Please wait before trying again.');
      lockout.attempt(account);
      counted.set(request, account);
    });
    app.addHook('onResponse', async (request, reply) => {
      const account = counted.get(request);
      if (account === undefined) return;
      if (reply.statusCode === 401) return; // a wrong username or password: the attempt stays counted
      if (reply.statusCode < 300) lockout.succeeded(account);
      else lockout.forgive(account);
    });
  }

  return { trackLookup: (address) => buckets.track?.hit(address) ?? null };
}

import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Db } from './db/client';
import type { Clock } from './domain/clock';
import { registerAccessControl } from './plugins/access';
import { registerAuth, SESSION_COOKIE } from './plugins/auth';
import { registerErrorHandling, sendProblem } from './plugins/errors';
import { loggingOptions, registerRequestIds } from './plugins/logging';
import { NO_OVERLOAD, registerOverloadProtection, type OverloadOptions } from './plugins/overload';
import { fromAllowedSite, hostOf, registerCrossOriginProtection } from './plugins/cross-origin';
import { NO_RATE_LIMITS, registerRateLimits, type RateLimits } from './plugins/rate-limits';
import { registerSecurityHeaders, securityHeaderValues } from './plugins/security';
import { clientAddress, trustFunction, type TrustProxySetting } from './domain/trust-proxy';
import { attachRealtime } from './realtime';
import type { RealtimeServer } from './realtime/types';
import { authRoutes } from './modules/auth/auth.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { residentsRoutes } from './modules/residents/residents.routes';
import { photosRoutes } from './modules/photos/photos.routes';
import { publicMapRoutes } from './modules/publicmap/publicmap.routes';
import { triageRoutes } from './modules/triage/triage.routes';
import { iocMapRoutes } from './modules/iocmap/iocmap.routes';
import { registerMultipart } from './plugins/multipart';
import { LIMITS } from '../shared/domain/limits';
import { statsRoutes } from './modules/stats/stats.routes';
import { docsRoutes } from './modules/docs/docs.routes';
import { OPEN311_OPENAPI_PATHS } from './modules/open311/open311.openapi';
import { accountsRoutes } from './modules/admin/accounts.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { areasRoutes } from './modules/areas/areas.routes';
import { OPEN311_BASE, open311FrameworkError, open311Routes } from './modules/open311/open311.routes';
import { reviewRoutes } from './modules/spam/review.routes';
import { createServices, type ServiceOptions, type Services } from './services';

/** What buildApp needs. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  options: ServiceOptions & {
    cookieSecure: boolean;
    webDist?: string;
    logLevel?: string;
    /** Load shedding (off when absent, as in tests that are not about it). */
    overload?: OverloadOptions;
    /** Where log lines go (standard output when absent). */
    logStream?: Writable;
    maxReplay?: number;
    /** Shortest time between two staff push frames under load (default STAFF_FRAME_MS). */
    staffFrameMs?: number;
    /** How often sockets whose session ran out are closed (default a minute; 0: never). */
    sessionSweepMs?: number;
    /** Origins allowed to call from a browser and to open sockets (CORS_ORIGINS); none when absent. */
    corsOrigins?: readonly string[];
    /** Extra map tile origins for the CSP (TILE_ORIGINS). */
    tileOrigins?: readonly string[];
    /** Proxies believed about the client address (TRUST_PROXY); none when absent. */
    trustProxy?: TrustProxySetting;
    /** Rate limits; each is off (0) unless given, as in tests that are not about them. */
    rateLimits?: Partial<RateLimits>;
  };
}

/** The app with its services and socket server. */
export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  io: RealtimeServer;
}

/** Builds the Fastify app: plugins first, then modules, explicitly and in order. */
export function buildApp(deps: AppDeps): BuiltApp {
  const trust = deps.options.trustProxy ?? false;
  const trustFn = trustFunction(trust);
  const corsOrigins = new Set(deps.options.corsOrigins ?? []);
  const headerOptions = {
    https: deps.options.cookieSecure,
    webDist: deps.options.webDist,
    tileOrigins: deps.options.tileOrigins,
  };
  const securityHeaders = securityHeaderValues(headerOptions);
  const app = Fastify({
    ...loggingOptions(deps.options.logLevel, deps.options.logStream),
    bodyLimit: 1_048_576,
    // A URL the router cannot take (a broken percent escape, an over-long parameter) gets the same error
    // shape as any other, not Fastify's default body echoing the path back.
    // It runs before any hook, so it sets the security headers itself.
    frameworkErrors: (_error, request, reply) => {
      reply.headers(securityHeaders);
      return request.url.startsWith(OPEN311_BASE)
        ? open311FrameworkError(request, reply)
        : sendProblem(reply, request, 'bad_request', 'The URL is malformed (a bad escape or an over-long segment).');
    },
    // Draining answers 503 problem+json with Retry-After (plugins/overload.ts), not Fastify's bare 503.
    return503OnClosing: false,
    // request.ip (the rate-limit key) believes X-Forwarded-For only from TRUST_PROXY's proxies, walking
    // from the right; without any, the socket address is the truth. A function, so sockets share the rule.
    trustProxy: trust === false ? false : trustFn,
  });
  const services = createServices(deps.db, deps.clock, deps.options);

  // Plugins: errors, security headers, cookies, sessions.
  registerRequestIds(app);
  registerErrorHandling(app);
  // Security headers before anything that may answer early (shedding, CSRF, limits, access).
  registerSecurityHeaders(app, { ...headerOptions, corsOrigins });
  registerOverloadProtection(app, deps.options.overload ?? NO_OVERLOAD);
  registerCrossOriginProtection(app, corsOrigins);
  const limits = registerRateLimits(app, deps.clock, { ...NO_RATE_LIMITS, ...deps.options.rateLimits });
  void app.register(cookie);
  registerMultipart(app, deps.options.photoMaxBytes ?? LIMITS.photoMaxBytes);
  registerAuth(app, services.auth);
  registerAccessControl(app);

  // Modules.
  app.get('/api/health', async () => ({ status: 'ok' }));
  docsRoutes(app, OPEN311_OPENAPI_PATHS);
  catalogRoutes(app, services.catalog);
  authRoutes(app, services.auth, { cookieSecure: deps.options.cookieSecure });
  reportsRoutes(app, services.reports);
  residentsRoutes(app, services.residents);
  photosRoutes(app, services.residents, services.photos);
  publicMapRoutes(app, services.publicMap);
  triageRoutes(app, services.triage);
  iocMapRoutes(app, services.iocMap);
  statsRoutes(app, services.stats, services.statsReads);
  adminRoutes(app, services.admin, deps.options.areaImportMaxBytes);
  accountsRoutes(app, services.admin);
  areasRoutes(app, services.areas, deps.options.areaImportMaxBytes);
  open311Routes(app, services.open311);
  reviewRoutes(app, services.review);

  // The built web app, with client-side routes falling back to index.html.
  const webDist = deps.options.webDist;
  const serveWeb = webDist !== undefined && existsSync(path.join(webDist, 'index.html'));
  // Files are looked up per request (wildcard), so a rebuild is served without a restart.
  if (serveWeb) void app.register(fastifyStatic, { root: webDist, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // A page route (/ioc, /track/TH-...) gets the app; a missing file (/assets/x.js) or API path gets a 404.
    const isFile = /\.[a-z0-9]+$/i.test(pathname);
    const isPage =
      request.method === 'GET' && !pathname.startsWith('/api/') && !pathname.startsWith('/socket.io') && !isFile;
    if (serveWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, request, 'not_found', `No route ${request.method} ${pathname}`);
  });

  const io = attachRealtime(app.server, {
    auth: services.auth,
    reports: services.reports,
    writer: services.writer,
    sessionToken: (header) => (header ? app.parseCookie(header)[SESSION_COOKIE] : undefined),
    maxReplay: deps.options.maxReplay,
    staffFrameMs: deps.options.staffFrameMs,
    // A browser always sends Origin on a handshake: another site's page may not use our cookie.
    allowHandshake: (request) => fromAllowedSite(request.headers, hostOf(request, trustFn), corsOrigins),
    trackLookup: (socket) =>
      limits.trackLookup(
        clientAddress(socket.request.socket.remoteAddress, socket.request.headers['x-forwarded-for'], trustFn),
      ),
    headers: securityHeaders,
  });
  // A user whose sessions were ended (disabled, new role, unit, password or second factor) loses their live sockets too.
  services.admin.users.onSessionsCut((userId) => {
    for (const socket of io.of('/').sockets.values()) if (socket.data.user?.id === userId) socket.disconnect(true);
  });
  // Signing out closes the sockets opened with that session at once (not the user's other sessions');
  // a session that runs out (idle or absolute expiry) closes its sockets at the next sweep.
  services.auth.onSessionEnded((sessionId) => {
    for (const socket of io.of('/').sockets.values())
      if (socket.data.user?.sessionId === sessionId) socket.disconnect(true);
  });
  const sweepMs = deps.options.sessionSweepMs ?? 60_000;
  if (sweepMs > 0) {
    const sessionSweep = setInterval(() => services.auth.closeExpiredSockets(io.of('/').sockets.values()), sweepMs);
    sessionSweep.unref();
    app.addHook('onClose', async () => clearInterval(sessionSweep));
  }
  // Upgraded websockets are not idle HTTP connections: without this, close() waits for every browser.
  app.addHook('preClose', (done) => {
    io.local.disconnectSockets(true);
    io.engine.close();
    done();
  });
  app.addHook('onClose', async () => {
    await services.statsWorker?.close();
  });
  return { app, services, io };
}

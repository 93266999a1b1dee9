import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './db/client';
import type { Clock } from './domain/clock';
import { registerAccessControl } from './plugins/access';
import { registerAuth, SESSION_COOKIE } from './plugins/auth';
import { registerErrorHandling, sendProblem } from './plugins/errors';
import { registerSecurityHeaders } from './plugins/security';
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
import { open311Routes } from './modules/open311/open311.routes';
import { createServices, type ServiceOptions, type Services } from './services';

/** What buildApp needs. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  options: ServiceOptions & {
    cookieSecure: boolean;
    webDist?: string;
    logLevel?: string;
    maxReplay?: number;
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
  const app = Fastify({
    logger: deps.options.logLevel && deps.options.logLevel !== 'silent' ? { level: deps.options.logLevel } : false,
    bodyLimit: 1_048_576,
    // A proxy in front may add X-Forwarded-For; without one the socket address is the truth.
    trustProxy: false,
  });
  const services = createServices(deps.db, deps.clock, deps.options);

  // Plugins: errors, security headers, cookies, sessions.
  registerErrorHandling(app);
  registerSecurityHeaders(app);
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
  });
  // A user whose sessions were ended (disabled, new role, unit or password) loses their live sockets too.
  services.admin.users.onSessionsCut((userId) => {
    for (const socket of io.of('/').sockets.values()) if (socket.data.user?.id === userId) socket.disconnect(true);
  });
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

import type { FastifyInstance } from 'fastify';
import { accessOf, mayCall, type RouteAccess } from '../../shared/domain/access';
import { AppError } from '../domain/app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const registered = new WeakMap<FastifyInstance, string[]>();

/** Every `/api` route the app registered, as `METHOD path` (for the policy test). */
export function registeredApiRoutes(app: FastifyInstance): string[] {
  return [...(registered.get(app) ?? [])];
}

/**
 * Deny by default: every `/api` route must be listed in the shared access table (`API_ACCESS`), or the
 * app refuses to start; the table's roles are checked before any handler runs (401 without a session,
 * 403 for another role). Must be registered after `registerAuth` and before the routes.
 */
export function registerAccessControl(app: FastifyInstance): void {
  const routes: string[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify answers HEAD with the GET handler: it gets the GET's rule (and is not listed on its own).
      const head = method === 'HEAD';
      const access = accessOf(head ? 'GET' : method, route.url);
      if (access === undefined)
        throw new Error(`${method} ${route.url} is not in the access table (shared/domain/access.ts)`);
      route.config = { ...(route.config ?? {}), access };
      if (!head) routes.push(`${method} ${route.url}`);
    }
  });
  // At onRequest (after the session is read), so a refused caller's body is never even parsed.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    if (!request.user) throw new AppError('unauthenticated');
    if (!mayCall(access, request.user.role))
      throw new AppError('forbidden', `This needs one of the roles: ${access.join(', ')}.`);
  });
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accessOf } from '../../shared/domain/access';
import type { StaffRole } from '../../shared/domain/roles';
import { AppError } from '../domain/app-error';
import type { AuthService, AuthUser } from '../modules/auth/auth.service';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'beacon_sid';

/** What a restricted session (an admin yet to enrol a second factor) may call. */
const ENROLMENT_ROUTES = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/confirm',
]);

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/**
 * Reads the session cookie on every request and sets `request.user` (null for residents). A
 * restricted session reaches only the enrolment routes: elsewhere it counts as signed out, and a
 * staff route answers 403 `totp_enrolment_required`.
 */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const user = auth.session(request.cookies[SESSION_COOKIE]);
    if (!user?.restricted) {
      request.user = user;
      return;
    }
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const url = request.routeOptions.url;
    const route = `${method} ${url ?? ''}`;
    if (ENROLMENT_ROUTES.has(route)) {
      request.user = user;
      return;
    }
    request.user = null;
    const access = url ? accessOf(method, url) : undefined;
    if (access !== undefined && access !== 'public') throw new AppError('totp_enrolment_required');
  });
}

/** The signed-in user, or a 401; with `roles`, a 403 for anyone else. */
export function requireUser(request: FastifyRequest, roles?: readonly StaffRole[]): AuthUser {
  const user = request.user;
  if (!user) throw new AppError('unauthenticated');
  if (roles && !roles.includes(user.role))
    throw new AppError('forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
  return user;
}

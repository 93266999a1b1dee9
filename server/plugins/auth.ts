import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../shared/domain/roles';
import { AppError } from '../domain/app-error';
import type { AuthService, AuthUser } from '../modules/auth/auth.service';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'beacon_sid';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/** Reads the session cookie on every request and sets `request.user` (null for residents). */
export function registerAuth(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    request.user = auth.authenticate(request.cookies[SESSION_COOKIE]);
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

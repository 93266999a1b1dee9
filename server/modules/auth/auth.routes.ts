import type { FastifyInstance } from 'fastify';
import { LoginInput } from '../../../shared/schemas/reports';
import { parseInput } from '../../domain/app-error';
import { requireUser, SESSION_COOKIE } from '../../plugins/auth';
import { presentSessionUser, type AuthService } from './auth.service';

/** Sign in, sign out, who am I. */
export function authRoutes(app: FastifyInstance, auth: AuthService, opts: { cookieSecure: boolean }): void {
  app.post('/api/auth/login', async (request, reply) => {
    const input = parseInput(LoginInput, request.body, 'login');
    const { token, user, expiresAt } = await auth.login(input.username, input.password);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.cookieSecure,
      expires: new Date(expiresAt),
    });
    return presentSessionUser(user);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    auth.logout(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => presentSessionUser(requireUser(request)));
}

import type { FastifyInstance, FastifyReply } from 'fastify';
import { TotpConfirmInput } from '../../../shared/schemas/auth';
import { LoginInput } from '../../../shared/schemas/reports';
import { parseInput } from '../../domain/app-error';
import { requireUser, SESSION_COOKIE } from '../../plugins/auth';
import { presentSessionUser, type AuthService, type OpenedSession } from './auth.service';

/** Sign in (password, then the TOTP code when one is enrolled), sign out, who am I, TOTP enrolment. */
export function authRoutes(app: FastifyInstance, auth: AuthService, opts: { cookieSecure: boolean }): void {
  const setSessionCookie = (reply: FastifyReply, session: OpenedSession) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.cookieSecure,
      expires: new Date(session.expiresAt),
    });

  app.post('/api/auth/login', async (request, reply) => {
    const input = parseInput(LoginInput, request.body, 'login');
    const session = await auth.login(input.username, input.password, input.totp, request.cookies[SESSION_COOKIE]);
    setSessionCookie(reply, session);
    return presentSessionUser(session.user);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    auth.logout(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (request) => presentSessionUser(requireUser(request)));

  app.post('/api/auth/totp/setup', async (request) => auth.beginTotpEnrolment(requireUser(request)));

  app.post('/api/auth/totp/confirm', async (request, reply) => {
    const input = parseInput(TotpConfirmInput, request.body, 'code');
    const { opened, user } = auth.confirmTotpEnrolment(
      requireUser(request),
      input.code,
      request.cookies[SESSION_COOKIE],
    );
    if (opened) setSessionCookie(reply, opened);
    return presentSessionUser(user);
  });
}

import { Secret, TOTP } from 'otpauth';
import { SESSION_COOKIE } from '../plugins/auth';
import type { TestApp } from '../test/app';

/**
 * Signs in with the test app's helper and returns a session that reaches the staff API. An admin
 * without a second factor gets a session that may only enrol one: this enrols one, with the code an
 * authenticator app would show at the test clock's time, and returns the full session it opens.
 */
export async function signInFully(t: TestApp, username: string, password?: string): Promise<string> {
  let cookie = await t.login(username, password);
  const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
  if (me.statusCode === 200) return cookie;
  if (me.json().code !== 'totp_enrolment_required') throw new Error(`${username}: ${me.statusCode} ${me.body}`);
  const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: { cookie } });
  if (setup.statusCode !== 200) throw new Error(`${username} TOTP setup: ${setup.statusCode} ${setup.body}`);
  const code = TOTP.generate({
    secret: Secret.fromBase32(setup.json().secret as string),
    digits: 6,
    period: 30,
    timestamp: t.clock.now(),
  });
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/api/auth/totp/confirm',
    headers: { cookie },
    payload: { code },
  });
  if (confirm.statusCode !== 200) throw new Error(`${username} TOTP confirm: ${confirm.statusCode} ${confirm.body}`);
  const opened = confirm.cookies.find((c) => c.name === SESSION_COOKIE);
  if (opened) cookie = `${SESSION_COOKIE}=${opened.value}`;
  return cookie;
}

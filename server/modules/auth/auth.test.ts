import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema';
import { buildTestApp, type TestApp, type TestAppOptions } from '../../test/app';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from '../../test/city';
import { listen, socketClient, waitFor } from '../../test/socket';
import { totpCode } from './totp';

// Staff sign-in as a person meets it: the admin's second factor, enrolment, replayed codes, session
// lifetimes, a new session at every sign-in, and signing out closing that session's live sockets.

let t: TestApp;
afterEach(() => t.close());
const app = async (options: TestAppOptions = {}) => (t = await buildTestApp(options));

const login = (payload: Record<string, unknown>, cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: cookie ? { cookie } : {} });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `beacon_sid=${res.cookies.find((c) => c.name === 'beacon_sid')!.value}`;
const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const adminLogin = (totp?: string) => login({ username: 'admin', password: TEST_PASSWORD, ...(totp ? { totp } : {}) });

describe('the second factor (TOTP)', () => {
  it('asks an admin for the code after the right password, and signs in with it', async () => {
    await app();
    const wrongPassword = await login({ username: 'admin', password: 'not-the-password' });
    expect(wrongPassword.json().code).toBe('invalid_credentials');
    const noCode = await adminLogin();
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    expect(noCode.cookies).toEqual([]);
    const wrongCode = await adminLogin(totpCode(TEST_TOTP_SECRET, t.clock.now() + 5 * 60_000));
    expect(wrongCode.json().code).toBe('invalid_totp');
    const ok = await adminLogin(totpCode(TEST_TOTP_SECRET, t.clock.now()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'admin', role: 'admin', twoFactor: 'on' });
    expect((await get('/api/admin/users', cookieOf(ok))).statusCode).toBe(200);
  });

  it('accepts the codes of the step before and after, not older ones, and each code only once', async () => {
    await app();
    const now = t.clock.now();
    expect((await adminLogin(totpCode(TEST_TOTP_SECRET, now - 60_000))).json().code).toBe('invalid_totp');
    const previous = totpCode(TEST_TOTP_SECRET, now - 30_000);
    expect((await adminLogin(previous)).statusCode).toBe(200);
    // Replays: the same code again, or an earlier step's once a later one was used.
    expect((await adminLogin(previous)).json().code).toBe('invalid_totp');
    const next = totpCode(TEST_TOTP_SECRET, now + 30_000);
    expect((await adminLogin(next)).statusCode).toBe(200);
    expect((await adminLogin(next)).json().code).toBe('invalid_totp');
    expect((await adminLogin(totpCode(TEST_TOTP_SECRET, now))).json().code).toBe('invalid_totp');
    t.clock.advance(60_000);
    expect((await adminLogin(totpCode(TEST_TOTP_SECRET, t.clock.now()))).statusCode).toBe(200);
  });

  it('gives an admin without a factor a session that can only enrol one, then a full one with a new id', async () => {
    await app();
    t.db.update(users).set({ totpSecret: null }).where(eq(users.id, t.ids.users.admin)).run();
    const first = await adminLogin();
    expect(first.statusCode).toBe(200);
    expect(first.json().twoFactor).toBe('enrol');
    const restricted = cookieOf(first);
    expect((await get('/api/auth/me', restricted)).json()).toMatchObject({ username: 'admin', twoFactor: 'enrol' });
    const refused = await get('/api/reports', restricted);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('totp_enrolment_required');
    expect((await get('/api/admin/users', restricted)).json().code).toBe('totp_enrolment_required');
    expect((await get('/api/categories', restricted)).statusCode).toBe(200);

    const setup = await post('/api/auth/totp/setup', restricted);
    expect(setup.statusCode).toBe(200);
    const { secret, uri, qrSvg } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toBe(
      `otpauth://totp/Beacon%20IOC:admin?issuer=Beacon%20IOC&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Stored sealed: the database never holds the secret in the clear.
    const stored = t.db.select().from(users).where(eq(users.id, t.ids.users.admin)).get()!;
    expect(stored.totpPendingSecret).not.toContain(secret);
    expect(stored.totpSecret).toBeNull();

    const wrong = await post('/api/auth/totp/confirm', restricted, { code: totpCode(secret, t.clock.now() + 600_000) });
    expect(wrong.json().code).toBe('invalid_totp');
    expect((await post('/api/auth/totp/confirm', restricted, { code: '12' })).statusCode).toBe(422);
    const confirmed = await post('/api/auth/totp/confirm', restricted, { code: totpCode(secret, t.clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().twoFactor).toBe('on');
    const full = cookieOf(confirmed);
    expect(full).not.toBe(restricted);
    expect((await get('/api/auth/me', restricted)).statusCode).toBe(401);
    expect((await get('/api/admin/users', full)).statusCode).toBe(200);
    const after = t.db.select().from(users).where(eq(users.id, t.ids.users.admin)).get()!;
    expect(after.totpSecret).not.toContain(secret);
    expect(after.totpPendingSecret).toBeNull();

    // From now on the admin signs in with a code; the one that confirmed the enrolment is used up.
    expect((await adminLogin()).json().code).toBe('totp_required');
    expect((await adminLogin(totpCode(secret, t.clock.now()))).json().code).toBe('invalid_totp');
    t.clock.advance(30_000);
    expect((await adminLogin(totpCode(secret, t.clock.now()))).statusCode).toBe(200);
  });

  it('lets any staff member turn it on (the session stays), once; an admin can reset it, which signs them out', async () => {
    await app();
    const operator = await t.login('operator');
    expect((await get('/api/auth/me', operator)).json().twoFactor).toBe('off');
    const { secret } = (await post('/api/auth/totp/setup', operator)).json();
    const confirmed = await post('/api/auth/totp/confirm', operator, { code: totpCode(secret, t.clock.now()) });
    expect(confirmed.json().twoFactor).toBe('on');
    expect(confirmed.cookies).toEqual([]);
    expect((await get('/api/auth/me', operator)).json().twoFactor).toBe('on');
    expect((await post('/api/auth/totp/setup', operator)).statusCode).toBe(409);
    expect((await login({ username: 'operator', password: TEST_PASSWORD })).json().code).toBe('totp_required');

    const admin = await t.login('admin');
    expect((await post(`/api/admin/users/${t.ids.users.operator}/totp`, operator)).statusCode).toBe(404);
    const reset = await t.app.inject({
      method: 'DELETE',
      url: `/api/admin/users/${t.ids.users.operator}/totp`,
      headers: { cookie: admin },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ username: 'operator', totpEnrolled: false });
    expect((await get('/api/auth/me', operator)).statusCode).toBe(401);
    expect((await login({ username: 'operator', password: TEST_PASSWORD })).statusCode).toBe(200);
    const audit = (await get('/api/admin/audit?entity=user', admin)).json().items[0];
    expect(audit).toMatchObject({
      action: 'update',
      after: { totp: '(reset)', totpEnrolled: false, sessionsEnded: 1 },
    });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });
});

describe('sessions', () => {
  it('start with a new id at every sign-in and end the one the browser came with', async () => {
    await app();
    const first = await t.login('operator');
    const again = await login({ username: 'operator', password: TEST_PASSWORD }, first);
    expect(again.statusCode).toBe(200);
    expect(cookieOf(again)).not.toBe(first);
    expect((await get('/api/auth/me', first)).statusCode).toBe(401);
    expect((await get('/api/auth/me', cookieOf(again))).statusCode).toBe(200);
    // The table keeps a keyed hash of the token, never the token.
    const token = cookieOf(again).split('=')[1]!;
    for (const row of t.db.select().from(sessions).all()) expect(row.tokenHash).not.toContain(token);
  });

  it('end after SESSION_IDLE_MINUTES without use, and at SESSION_TTL_HOURS even when in use', async () => {
    await app({ sessionTtlMs: 8 * 3_600_000, sessionIdleMs: 30 * 60_000 });
    const idle = await t.login('operator');
    const busy = await t.login('leader');
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * 60_000);
      expect((await get('/api/auth/me', busy)).statusCode).toBe(200);
    }
    expect((await get('/api/auth/me', idle)).statusCode).toBe(401);
    // Used every 20 minutes until 7 h 40 min after sign-in...
    for (let i = 4; i < 23; i++) {
      t.clock.advance(20 * 60_000);
      expect((await get('/api/auth/me', busy)).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    // 8 hours after sign-in: over, however busy.
    expect((await get('/api/auth/me', busy)).statusCode).toBe(401);
  });

  it('record their last use at most once a minute', async () => {
    await app();
    const cookie = await t.login('operator');
    const lastSeen = () => t.db.select().from(sessions).get()!.lastSeenAt;
    const signedInAt = lastSeen();
    t.clock.advance(30_000);
    await get('/api/auth/me', cookie);
    expect(lastSeen()).toBe(signedInAt);
    t.clock.advance(31_000);
    await get('/api/auth/me', cookie);
    expect(lastSeen()).toBe(signedInAt + 61_000);
  });

  it('signing out closes the live sockets of that session at once, not those of the user’s other sessions', async () => {
    await app();
    const url = await listen(t);
    const desk = await t.login('operator');
    const wall = await t.login('operator');
    const deskSocket = await socketClient(url, desk);
    const wallSocket = await socketClient(url, wall);
    let deskClosed = false;
    deskSocket.on('disconnect', () => (deskClosed = true));
    const out = await post('/api/auth/logout', desk);
    expect(out.statusCode).toBe(204);
    await waitFor(() => deskClosed);
    expect(deskSocket.connected).toBe(false);
    expect(wallSocket.connected).toBe(true);
    expect((await get('/api/auth/me', wall)).statusCode).toBe(200);
    deskSocket.disconnect();
    wallSocket.disconnect();
  });

  it('closes the live sockets of a session that runs out while nobody uses it', async () => {
    await app({ sessionIdleMs: 30 * 60_000, sessionSweepMs: 20 });
    const url = await listen(t);
    const unattended = await socketClient(url, await t.login('operator'));
    const active = await t.login('leader');
    const activeSocket = await socketClient(url, active);
    let closed = false;
    unattended.on('disconnect', () => (closed = true));
    t.clock.advance(20 * 60_000);
    await get('/api/auth/me', active);
    t.clock.advance(11 * 60_000);
    await waitFor(() => closed);
    expect(unattended.connected).toBe(false);
    expect(activeSocket.connected).toBe(true);
    unattended.disconnect();
    activeSocket.disconnect();
  });

  it('gives a restricted session no staff feed on a socket', async () => {
    await app();
    t.db.update(users).set({ totpSecret: null }).where(eq(users.id, t.ids.users.admin)).run();
    const restricted = cookieOf(await adminLogin());
    const url = await listen(t);
    const socket = await socketClient(url, restricted);
    const sockets = [...t.io.of('/').sockets.values()];
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.data.user).toBeNull();
    expect([...sockets[0]!.rooms].some((r) => r.startsWith('role:'))).toBe(false);
    socket.disconnect();
  });
});

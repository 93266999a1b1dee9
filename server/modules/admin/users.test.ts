import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import { auditOf, buildTestAppAs, type Api, type Method } from '../../test/api';
import type { TestApp } from '../../test/app';
import { TEST_PASSWORD } from '../../test/city';
import { listen, socketClient, waitFor } from '../../test/socket';
import { totpCode } from '../auth/totp';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator')));
afterAll(() => t.close());

const asAdmin = (method: Method, url: string, payload?: object) => call('admin', method, url, payload);
const loginWith = (username: string, password: string) => call(null, 'POST', '/api/auth/login', { username, password });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

const newStaff = {
  username: 'staff.parks',
  displayName: 'Nguyễn Thị Hoa',
  role: 'staff',
  unitId: 0,
  password: 'mat-khau-rat-dai-1',
};

describe('staff accounts', () => {
  it('creates an account with an argon2id password that signs in, and never shows the hash', async () => {
    const res = await asAdmin('POST', '/api/admin/users', { ...newStaff, unitId: t.ids.units.roads });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(Number),
      username: 'staff.parks',
      displayName: 'Nguyễn Thị Hoa',
      role: 'staff',
      unitId: t.ids.units.roads,
      disabled: false,
      totpEnrolled: false,
      createdAt: expect.any(String),
    });
    const stored = t.db.select().from(users).where(eq(users.username, 'staff.parks')).get()!;
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await loginWith('staff.parks', newStaff.password)).statusCode).toBe(200);

    const list = await asAdmin('GET', '/api/admin/users');
    expect(list.body).not.toContain('argon2');
    expect(list.body).not.toContain('passwordHash');
    const audit = await asAdmin('GET', '/api/admin/audit?entity=user');
    expect(audit.body).not.toContain('argon2');
    expect(audit.json().items[0]).toMatchObject({
      action: 'create',
      after: { username: 'staff.parks', password: '(set)' },
    });
  });

  it('refuses a short password, unit staff without a unit, and a taken username, naming the field', async () => {
    const short = await asAdmin('POST', '/api/admin/users', {
      ...newStaff,
      username: 'a.b',
      password: 'short',
      unitId: t.ids.units.roads,
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([{ path: 'password', message: 'must be at least 12 characters' }]);
    for (const common of ['qwerty123456', 'QWERTY123456', 'demo-city-2025']) {
      const res = await asAdmin('POST', '/api/admin/users', {
        ...newStaff,
        username: 'common.pw',
        password: common,
        unitId: t.ids.units.roads,
      });
      expect(res.statusCode, common).toBe(422);
      expect(res.json().errors).toEqual([{ path: 'password', message: 'is a commonly used password' }]);
    }
    const commonReset = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.leader}`, { password: '1qaz2wsx3edc' });
    expect(commonReset.json().errors).toEqual([{ path: 'password', message: 'is a commonly used password' }]);
    expect((await loginWith('leader', TEST_PASSWORD)).statusCode).toBe(200);
    const noUnit = await asAdmin('POST', '/api/admin/users', { ...newStaff, username: 'no.unit', unitId: null });
    expect(noUnit.statusCode).toBe(422);
    expect(noUnit.json().errors).toEqual([{ path: 'unitId', message: 'is required for unit staff' }]);
    const taken = await asAdmin('POST', '/api/admin/users', { ...newStaff, unitId: t.ids.units.roads });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toContain('"staff.parks" is taken');
    expect((await call('operator', 'POST', '/api/admin/users', newStaff)).statusCode).toBe(403);
  });

  it('disabling an account ends its sessions at once: its next request is 401 and it cannot sign in', async () => {
    const cookie = await t.login('staff.roads');
    expect((await me(cookie)).statusCode).toBe(200);
    const res = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.roads}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await loginWith('staff.roads', TEST_PASSWORD)).statusCode).toBe(401);
    const [entry] = await auditOf(call, 'user');
    expect(entry).toMatchObject({
      action: 'update',
      before: { disabled: false },
      after: { disabled: true, sessionsEnded: 1 },
    });

    await asAdmin('PATCH', `/api/admin/users/${t.ids.users.roads}`, { disabled: false });
    expect((await loginWith('staff.roads', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a new role or unit ends the sessions too; a new display name does not', async () => {
    const cookie = await t.login('staff.roads');
    await asAdmin('PATCH', `/api/admin/users/${t.ids.users.roads}`, { displayName: 'Trần Văn Đường' });
    expect((await me(cookie)).json().displayName).toBe('Trần Văn Đường');
    await asAdmin('PATCH', `/api/admin/users/${t.ids.users.roads}`, { unitId: t.ids.units.lighting });
    expect((await me(cookie)).statusCode).toBe(401);

    const again = await t.login('staff.roads');
    expect((await me(again)).json().unit.id).toBe(t.ids.units.lighting);
    await asAdmin('PATCH', `/api/admin/users/${t.ids.users.roads}`, { role: 'operator' });
    expect((await me(again)).statusCode).toBe(401);
  });

  it('a password reset ends the sessions, the old password stops working and the new one works', async () => {
    const cookie = await t.login('staff.lighting');
    const res = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.lighting}`, { password: 'mot-mat-khau-moi-2' });
    expect(res.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await loginWith('staff.lighting', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await loginWith('staff.lighting', 'mot-mat-khau-moi-2')).statusCode).toBe(200);
    const [entry] = await auditOf(call, 'user');
    expect(entry!.after!.password).toBe('(changed)');
    expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('refuses to make unit staff of someone without a unit, or to give an inactive unit', async () => {
    const res = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.leader}`, { role: 'staff' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('unitId');
    const unknown = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.leader}`, { unitId: 9999 });
    expect(unknown.json().errors).toEqual([{ path: 'unitId', message: 'is not an active unit' }]);
  });

  it('never disables or demotes the last active admin', async () => {
    const self = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.admin}`, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(self.json().detail).toContain('last active admin');
    expect((await asAdmin('PATCH', `/api/admin/users/${t.ids.users.admin}`, { role: 'operator' })).statusCode).toBe(
      409,
    );
    expect((await me(call.cookies.admin!)).statusCode).toBe(200);

    // With a second admin, the first may step down (and is signed out, since their role changed).
    await asAdmin('PATCH', `/api/admin/users/${t.ids.users.operator}`, { role: 'admin' });
    const down = await asAdmin('PATCH', `/api/admin/users/${t.ids.users.admin}`, { role: 'operator' });
    expect(down.statusCode).toBe(200);
    expect((await me(call.cookies.admin!)).statusCode).toBe(401);
    // The new admin has no second factor yet: their session may only enrol one, then becomes a full one.
    const restricted = await t.login('operator');
    expect((await me(restricted)).json().twoFactor).toBe('enrol');
    call.cookies.admin = restricted;
    expect((await asAdmin('GET', '/api/admin/users')).json().code).toBe('totp_enrolment_required');
    const { secret } = (await asAdmin('POST', '/api/auth/totp/setup')).json();
    const confirmed = await asAdmin('POST', '/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) });
    expect(confirmed.json().twoFactor).toBe('on');
    call.cookies.admin = `beacon_sid=${confirmed.cookies.find((c) => c.name === 'beacon_sid')!.value}`;
    expect((await asAdmin('GET', '/api/admin/users')).statusCode).toBe(200);
  });

  it('closes the live socket of an account that is disabled', async () => {
    const url = await listen(t);
    const cookie = await t.login('staff.parks', newStaff.password);
    const socket = await socketClient(url, cookie);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));
    const id = (await asAdmin('GET', '/api/admin/users'))
      .json()
      .items.find((u: { username: string }) => u.username === 'staff.parks').id;
    await asAdmin('PATCH', `/api/admin/users/${id}`, { disabled: true });
    await waitFor(() => disconnected);
    expect(socket.connected).toBe(false);
    socket.disconnect();
  });
});

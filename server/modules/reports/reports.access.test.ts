import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { REPORT_ACTIONS, checkTransition, transitionFor } from '../../../shared/domain/lifecycle';
import { REPORT_STATUSES } from '../../../shared/domain/statuses';
import { reports } from '../../db/schema';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await buildTestApp();
  for (const u of ['operator', 'staff.lighting', 'staff.roads', 'leader', 'admin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

async function fileLightingReport(): Promise<{ id: number; trackingCode: string }> {
  return (await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() })).json();
}

/** Puts a report straight into a status (test set-up only), dispatched to the lighting company. */
function force(id: number, status: string) {
  t.db
    .update(reports)
    .set({ status, unitId: t.ids.units.lighting, resolvedAt: status === 'resolved' ? t.clock.now() : null })
    .where(eq(reports.id, id))
    .run();
  return t.db.select().from(reports).where(eq(reports.id, id)).get()!;
}

const act = (user: string, id: number, body: object) =>
  t.app.inject({
    method: 'POST',
    url: `/api/reports/${id}/transitions`,
    payload: body,
    headers: { cookie: cookies[user]! },
  });

const extras = { unitId: 0, reason: 'Lý do kiểm thử', note: 'Đã xử lý xong', duplicateOf: '' };
const USERS = { operator: 'operator', staff: 'staff.lighting', leader: 'leader', admin: 'admin' } as const;

describe('every lifecycle transition by every staff role, through the API', () => {
  const cases = Object.entries(USERS).flatMap(([role, username]) =>
    REPORT_ACTIONS.flatMap((action) => REPORT_STATUSES.map((status) => ({ role, username, action, status }))),
  );

  it.each(cases)('$role ($username) trying to $action a $status report', async ({ role, username, action, status }) => {
    const { id } = await fileLightingReport();
    const row = force(id, status);
    const original = action === 'mark_duplicate' ? await fileLightingReport() : null;
    const body = {
      action,
      version: row.version,
      ...extras,
      unitId: action === 'reroute' ? t.ids.units.roads : t.ids.units.lighting,
      duplicateOf: original?.trackingCode,
    };
    const res = await act(username, id, body);
    const verdict = checkTransition(action, status, role as 'operator');
    // Staff never see reports still waiting in the IOC inbox: for them those do not exist.
    const hidden = role === 'staff' && status === 'received';
    if (verdict === null && !hidden) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(transitionFor(action).to);
      expect(t.db.select().from(reports).where(eq(reports.id, id)).get()!.status).toBe(transitionFor(action).to);
    } else {
      const expected = hidden ? 404 : verdict === 'role_not_allowed' ? 403 : 409;
      expect(res.statusCode, res.body).toBe(expected);
      expect(t.db.select().from(reports).where(eq(reports.id, id)).get()!.status).toBe(status);
    }
  });
});

describe("a unit's staff and another unit's reports", () => {
  it('cannot see, list or change a report of another unit: 404, as if it did not exist', async () => {
    const { id } = await fileLightingReport();
    const row = force(id, 'assigned');
    const detail = await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: cookies['staff.roads']! } });
    expect(detail.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/reports?limit=500', headers: { cookie: cookies['staff.roads']! } });
    expect(list.json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    const change = await act('staff.roads', id, { action: 'start', version: row.version });
    expect(change.statusCode).toBe(404);
    const own = await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: cookies['staff.lighting']! } });
    expect(own.statusCode).toBe(200);
  });

  it("cannot list another unit's reports even by asking for that unit", async () => {
    const { id } = await fileLightingReport();
    force(id, 'in_progress');
    const res = await t.app.inject({
      url: `/api/reports?unitId=${t.ids.units.lighting}`,
      headers: { cookie: cookies['staff.roads']! },
    });
    expect(res.json().items.every((r: { unit: { id: number } }) => r.unit.id === t.ids.units.roads)).toBe(true);
    expect(res.json().items.map((r: { id: number }) => r.id)).not.toContain(id);
  });
});

describe('who sees the reporter', () => {
  it('shows the contact to operators and admins only', async () => {
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        payload: reportBody({ contact: { name: 'Lê Văn Riêng', phone: '0987654321' } }),
      })
    ).json();
    force(id, 'assigned');
    for (const [user, sees] of [
      ['operator', true],
      ['admin', true],
      ['leader', false],
      ['staff.lighting', false],
    ] as const) {
      const res = await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: cookies[user]! } });
      expect(res.statusCode).toBe(200);
      expect(res.body.includes('Lê Văn Riêng'), user).toBe(sees);
      expect(res.body.includes('0987654321'), user).toBe(sees);
    }
  });
});

describe('concurrent changes', () => {
  it('gives the second operator acting on the same version a 409 instead of overwriting', async () => {
    const { id } = await fileLightingReport();
    const first = await act('operator', id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting });
    expect(first.statusCode).toBe(200);
    const second = await act('admin', id, { action: 'reject', version: 0, reason: 'Spam' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('version_conflict');
    expect(t.db.select().from(reports).where(eq(reports.id, id)).get()!.status).toBe('assigned');
  });

  it('refuses to dispatch a report to the IOC itself, which fixes nothing', async () => {
    const { id } = await fileLightingReport();
    const res = await act('operator', id, { action: 'dispatch', version: 0, unitId: t.ids.units.ioc });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'unitId', message: 'is the IOC itself' }]);
  });

  it('requires a reason to reject and names the missing field', async () => {
    const { id } = await fileLightingReport();
    const res = await act('operator', id, { action: 'reject', version: 0 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'reason', message: 'is required to reject' }]);
  });
});

describe('sign-in', () => {
  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
  });

  it('sets an HttpOnly session cookie that identifies the user until logout', async () => {
    const cookie = await t.login('staff.lighting');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'staff.lighting', role: 'staff', unit: { id: t.ids.units.lighting } });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('drops sessions that have run out when someone signs in, so the table does not grow', async () => {
    const own = await buildTestApp();
    const old = await own.login('leader');
    own.clock.advance(2 * 3_600_000); // past the one-hour test session lifetime
    await own.login('operator');
    expect((await own.app.inject({ url: '/api/auth/me', headers: { cookie: old } })).statusCode).toBe(401);
    expect(
      own.db.$client.prepare('select count(*) from sessions where expires_at <= ?').pluck().get(own.clock.now()),
    ).toBe(0);
    await own.close();
  });

  it('keeps residents (no session) out of the staff API', async () => {
    expect((await t.app.inject({ url: '/api/reports' })).statusCode).toBe(401);
  });

  it('lets leaders read but not change', async () => {
    const { id } = await fileLightingReport();
    expect((await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: cookies.leader! } })).statusCode).toBe(
      200,
    );
    expect((await act('leader', id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting })).statusCode).toBe(
      403,
    );
  });
});

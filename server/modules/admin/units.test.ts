import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reports, routingRules } from '../../db/schema';
import { auditOf, buildTestAppAs, type Api } from '../../test/api';
import { reportBody, type TestApp } from '../../test/app';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator', 'staff.lighting', 'leader')));
afterAll(() => t.close());

const parks = { code: 'parks', name: { vi: 'Công ty Công viên cây xanh', en: 'Parks Company' }, kind: 'company' };

describe('units', () => {
  it('is for admins only: 401 without a session, 403 for an operator, staff or a leader', async () => {
    expect((await call(null, 'GET', '/api/admin/units')).statusCode).toBe(401);
    for (const u of ['operator', 'staff.lighting', 'leader'])
      expect((await call(u, 'POST', '/api/admin/units', parks)).statusCode, u).toBe(403);
  });

  it('lists every unit with its count of active accounts', async () => {
    const res = await call('admin', 'GET', '/api/admin/units');
    expect(res.statusCode).toBe(200);
    const accounts = (await call('admin', 'GET', '/api/admin/users')).json().items as { unitId: number }[];
    const ofLighting = accounts.filter((u) => u.unitId === t.ids.units.lighting).length;
    expect(ofLighting).toBeGreaterThanOrEqual(1);
    const lighting = res.json().items.find((u: { code: string }) => u.code === 'lighting');
    expect(lighting).toEqual({
      id: t.ids.units.lighting,
      code: 'lighting',
      name: { vi: 'Công ty Chiếu sáng', en: 'lighting' },
      kind: 'company',
      areaCode: null,
      active: true,
      staffCount: ofLighting,
    });
  });

  it('creates a unit, which staff then see in the unit list, and records who did it', async () => {
    const res = await call('admin', 'POST', '/api/admin/units', parks);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'parks', active: true, staffCount: 0 });
    const visible = (await call('operator', 'GET', '/api/units')).json();
    expect(visible.map((u: { code: string }) => u.code)).toContain('parks');
    const [entry] = await auditOf(call, 'unit');
    expect(entry).toMatchObject({
      actor: 'admin',
      action: 'create',
      before: null,
      after: { code: 'parks', kind: 'company' },
    });
  });

  it('refuses a code that is taken with 409 and says so', async () => {
    const res = await call('admin', 'POST', '/api/admin/units', { ...parks, name: { vi: 'Khác', en: 'Other' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('"parks" already exists') });
  });

  it('names the bad fields of a unit', async () => {
    const res = await call('admin', 'POST', '/api/admin/units', {
      code: 'Bad Code',
      name: { vi: '', en: 'x' },
      kind: 'shop',
    });
    expect(res.statusCode).toBe(422);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'name.vi', 'kind']));
    const area = await call('admin', 'POST', '/api/admin/units', {
      ...parks,
      code: 'ubnd-x',
      kind: 'ward_committee',
      areaCode: 'ward-nowhere',
    });
    expect(area.statusCode).toBe(422);
    expect(area.json().errors).toEqual([{ path: 'areaCode', message: expect.stringContaining('not a current area') }]);
  });

  it('renames a unit with the names before and after in the audit log, and keeps its code', async () => {
    const res = await call('admin', 'PATCH', `/api/admin/units/${t.ids.units.roads}`, {
      name: { vi: 'Phòng Quản lý đô thị thành phố', en: 'Urban Management Division' },
      code: 'renamed',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'roads', name: { vi: 'Phòng Quản lý đô thị thành phố' } });
    const [entry] = await auditOf(call, 'unit');
    expect(entry).toMatchObject({
      entityId: String(t.ids.units.roads),
      action: 'update',
      before: { name: { vi: 'Phòng Quản lý đô thị', en: 'roads' } },
      after: { name: { vi: 'Phòng Quản lý đô thị thành phố', en: 'Urban Management Division' } },
    });
  });

  it('never deactivates the IOC unit nor turns it into something else', async () => {
    const off = await call('admin', 'PATCH', `/api/admin/units/${t.ids.units.ioc}`, { active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json().detail).toMatch(/IOC unit cannot be deactivated/);
    const kind = await call('admin', 'PATCH', `/api/admin/units/${t.ids.units.ioc}`, { kind: 'department' });
    expect(kind.statusCode).toBe(409);
    const second = await call('admin', 'POST', '/api/admin/units', { ...parks, code: 'ioc-2', kind: 'ioc' });
    expect(second.statusCode).toBe(409);
  });

  it('refuses to deactivate a unit with rules or open reports, saying what to move first', async () => {
    const filed = (await call(null, 'POST', '/api/reports', reportBody())).json();
    t.db.update(reports).set({ status: 'assigned' }).where(eq(reports.id, filed.id)).run();

    const res = await call('admin', 'PATCH', `/api/admin/units/${t.ids.units.lighting}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(
      '"lighting" is still in use: point its 1 routing rule(s) at another unit and have its 1 open report(s) re-routed or closed before deactivating it.',
    );

    // Move the rule and close the report: now it may go.
    t.db
      .update(routingRules)
      .set({ unitId: t.ids.units.roads })
      .where(eq(routingRules.unitId, t.ids.units.lighting))
      .run();
    t.db.update(reports).set({ status: 'closed' }).where(eq(reports.id, filed.id)).run();
    const ok = await call('admin', 'PATCH', `/api/admin/units/${t.ids.units.lighting}`, { active: false });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(false);
    const visible = (await call('operator', 'GET', '/api/units')).json();
    expect(visible.map((u: { code: string }) => u.code)).not.toContain('lighting');
  });

  it('answers 404 for a unit that does not exist', async () => {
    expect((await call('admin', 'PATCH', '/api/admin/units/9999', { active: true })).statusCode).toBe(404);
    expect((await call('admin', 'PATCH', '/api/admin/units/abc', { active: true })).statusCode).toBe(404);
  });
});

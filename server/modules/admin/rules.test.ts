import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, buildTestAppAs, type Api } from '../../test/api';
import { reportBody, type TestApp } from '../../test/app';
import { TEST_CITY } from '../../test/city';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator')));
afterAll(() => t.close());
const testPoint = async (point: { lat: number; lng: number }, categoryCode?: string) => {
  const res = await call('admin', 'POST', '/api/admin/rules/test', { ...point, categoryCode });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const file = async (point: { lat: number; lng: number }, categoryCode: string) =>
  (await call(null, 'POST', '/api/reports', reportBody({ ...point, categoryCode }))).json();

/** For every category, the tool's answer equals where a report filed at the point actually goes. */
async function expectToolAgreesWithFiling(point: { lat: number; lng: number }) {
  const tool = await testPoint(point);
  expect(tool.results.length).toBeGreaterThan(0);
  for (const r of tool.results) {
    const filed = await file(point, r.categoryCode);
    expect(filed.unit.id, r.categoryCode).toBe(r.unit.id);
    expect(filed.area?.code ?? null).toBe(tool.area?.code ?? null);
  }
}

describe('routing rules', () => {
  it('is for admins only', async () => {
    expect((await call('operator', 'GET', '/api/admin/rules')).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/admin/rules/test', TEST_CITY.insideWest)).statusCode).toBe(401);
  });

  it('lists the rules', async () => {
    const items = (await call('admin', 'GET', '/api/admin/rules')).json().items;
    expect(items).toContainEqual({
      id: expect.any(Number),
      categoryCode: 'potholes',
      areaCode: 'ward-west',
      unitId: t.ids.units.westCommittee,
    });
  });

  it('shows which rule wins at a point and why, and agrees with real filing', async () => {
    const west = await testPoint(TEST_CITY.insideWest, 'potholes');
    expect(west.area).toEqual({ code: 'ward-west', name: 'Phường Tây' });
    const [result] = west.results;
    expect(result.unit.id).toBe(t.ids.units.westCommittee);
    expect(result.candidates.map((c: { specificity: number }) => c.specificity)).toEqual([3, 2]);
    expect(result.ruleId).toBe(result.candidates[0].ruleId);
    expect(result.candidates[1].unitId).toBe(t.ids.units.roads);

    await expectToolAgreesWithFiling(TEST_CITY.insideWest);
    await expectToolAgreesWithFiling(TEST_CITY.insideEast);
  });

  it('sends a point outside every ward to the IOC with no rule, as filing does', async () => {
    const outside = await testPoint(TEST_CITY.outside);
    expect(outside.area).toBeNull();
    for (const r of outside.results)
      expect(r).toMatchObject({ ruleId: null, unit: { id: t.ids.units.ioc }, candidates: [] });
    await expectToolAgreesWithFiling(TEST_CITY.outside);
  });

  it('creates a rule that takes effect for the next report at once, and the tool shows it', async () => {
    const res = await call('admin', 'POST', '/api/admin/rules', {
      categoryCode: 'street_lighting',
      areaCode: 'ward-east',
      unitId: t.ids.units.roads,
    });
    expect(res.statusCode).toBe(201);
    const rule = res.json();
    const tool = await testPoint(TEST_CITY.insideEast, 'street_lighting');
    expect(tool.results[0]).toMatchObject({ ruleId: rule.id, unit: { id: t.ids.units.roads } });
    expect((await file(TEST_CITY.insideEast, 'street_lighting')).unit.id).toBe(t.ids.units.roads);
    // The west ward is unaffected.
    expect((await file(TEST_CITY.insideWest, 'street_lighting')).unit.id).toBe(t.ids.units.lighting);

    const [entry] = await auditOf(call, 'rule');
    expect(entry).toMatchObject({ action: 'create', entityId: String(rule.id), before: null, after: rule });
  });

  it('refuses an exact duplicate (same category and area) with 409', async () => {
    const res = await call('admin', 'POST', '/api/admin/rules', {
      categoryCode: 'potholes',
      areaCode: 'ward-west',
      unitId: t.ids.units.roads,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(/already routes potholes in ward-west/);
  });

  it('names an unknown category, an unknown area and an inactive unit', async () => {
    const parks = (
      await call('admin', 'POST', '/api/admin/units', {
        code: 'parks',
        name: { vi: 'Công viên', en: 'Parks' },
        kind: 'company',
        active: false,
      })
    ).json();
    const res = await call('admin', 'POST', '/api/admin/rules', {
      categoryCode: 'volcano',
      areaCode: 'ward-north',
      unitId: parks.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'categoryCode', message: 'is not a category of the city' },
      { path: 'areaCode', message: 'is not a current area of the city' },
      { path: 'unitId', message: 'is not an active unit' },
    ]);
    const test = await call('admin', 'POST', '/api/admin/rules/test', { lat: 91, lng: 0 });
    expect(test.json().errors[0].path).toBe('lat');
  });

  it('changes and deletes a rule; routing follows each step', async () => {
    const rules = (await call('admin', 'GET', '/api/admin/rules')).json().items;
    const westPotholes = rules.find(
      (r: { areaCode: string | null; categoryCode: string }) =>
        r.areaCode === 'ward-west' && r.categoryCode === 'potholes',
    );

    const moved = await call('admin', 'PATCH', `/api/admin/rules/${westPotholes.id}`, { unitId: t.ids.units.lighting });
    expect(moved.statusCode).toBe(200);
    expect((await file(TEST_CITY.insideWest, 'potholes')).unit.id).toBe(t.ids.units.lighting);
    const clash = await call('admin', 'PATCH', `/api/admin/rules/${westPotholes.id}`, { areaCode: null });
    expect(clash.statusCode).toBe(409);

    expect((await call('admin', 'DELETE', `/api/admin/rules/${westPotholes.id}`)).statusCode).toBe(204);
    expect((await file(TEST_CITY.insideWest, 'potholes')).unit.id).toBe(t.ids.units.roads);
    expect((await call('admin', 'DELETE', `/api/admin/rules/${westPotholes.id}`)).statusCode).toBe(404);

    const [deleted, updated] = await auditOf(call, 'rule');
    expect(deleted).toMatchObject({ action: 'delete', before: { unitId: t.ids.units.lighting }, after: null });
    expect(updated).toMatchObject({
      action: 'update',
      before: { unitId: t.ids.units.westCommittee },
      after: { unitId: t.ids.units.lighting },
    });
    await expectToolAgreesWithFiling(TEST_CITY.insideWest);
  });
});

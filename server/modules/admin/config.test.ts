import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { ConfigFile } from '../../../shared/schemas/admin';
import { users } from '../../db/schema';
import { AuthService } from '../auth/auth.service';
import { buildTestApp, buildTestAppOn, reportBody, TEST_NOW, type TestApp } from '../../test/app';
import { TEST_CITY, TEST_PASSWORD, testTotpColumns } from '../../test/city';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
const call = (method: Method, url: string, payload?: object, app = t.app, cookie = admin) =>
  app.inject({ method, url, payload, headers: { cookie } });
const exportConfig = async (app = t.app, cookie = admin): Promise<ConfigFile> => {
  const res = await call('GET', '/api/admin/config', undefined, app, cookie);
  expect(res.statusCode).toBe(200);
  return JSON.parse(res.body) as ConfigFile;
};
const withoutDate = ({ exportedAt: _at, ...rest }: ConfigFile) => rest;
const counts = () =>
  t.db.get<{ units: number; rules: number; templates: number }>(
    sql`select (select count(*) from units) as units, (select count(*) from routing_rules) as rules, (select count(*) from reply_templates) as templates`,
  )!;

describe('the configuration file', () => {
  let original: ConfigFile;

  it('exports the whole configuration as one attached JSON file, without secrets', async () => {
    const key = (await call('POST', '/api/admin/api-keys', { name: 'Hệ thống 1022' })).json();
    await call('POST', '/api/admin/templates', {
      categoryCode: 'street_lighting',
      action: 'resolve',
      title: { vi: 'Đã thay bóng', en: 'Lamp replaced' },
      text: { vi: 'Đã thay bóng đèn, đèn sáng bình thường.', en: 'The lamp was replaced and works again.' },
    });
    const res = await call('GET', '/api/admin/config');
    expect(res.headers['content-disposition']).toBe('attachment; filename="beacon-ioc-config-2026-11-23.json"');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).not.toContain('argon2');
    expect(res.body).not.toContain(key.prefix);
    expect(res.body).not.toContain('Hệ thống 1022');

    original = JSON.parse(res.body);
    expect(original).toMatchObject({ format: 'beacon-ioc-config/1', exportedAt: new Date(TEST_NOW).toISOString() });
    expect(original.units.map((u) => u.code)).toEqual(['ioc', 'lighting', 'roads', 'ubnd-west']);
    expect(original.categories.map((c) => c.code).sort()).toEqual(['potholes', 'street_lighting']);
    expect(original.areas).toMatchObject({ type: 'FeatureCollection' });
    expect(original.areas!.features.map((f) => [f.properties.code, f.properties.name])).toEqual([
      ['ward-east', 'Phường Đông'],
      ['ward-west', 'Phường Tây'],
    ]);
    expect(original.rules).toContainEqual({ categoryCode: 'potholes', areaCode: 'ward-west', unitCode: 'ubnd-west' });
    expect(original.templates).toHaveLength(1);
    expect(original.calendar).toEqual({ workingWeekdays: [1, 2, 3, 4, 5], holidays: [], dayStartMinutes: 450 });
    expect(original.users).toContainEqual({
      username: 'staff.lighting',
      displayName: 'staff.lighting',
      role: 'staff',
      unitCode: 'lighting',
      disabled: false,
    });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/config', headers: { cookie: await t.login('operator') } }))
        .statusCode,
    ).toBe(403);
  });

  it('imports its own export unchanged: nothing to do', async () => {
    const res = await call('POST', '/api/admin/config', original);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      units: { created: [], updated: [], unchanged: 4 },
      categories: { created: [], updated: [], unchanged: 2 },
      areas: { changed: false, imported: 0, superseded: 0, retired: 0 },
      rules: { removed: 0, added: 0 },
      templates: { removed: 0, added: 0 },
      calendar: { changed: false },
      users: { created: [], existing: original.users.length },
    });
  });

  it('puts the city back as the file says after changes, and exports the same file again', async () => {
    const rules = (await call('GET', '/api/admin/rules')).json().items;
    await call('DELETE', `/api/admin/rules/${rules[0].id}`);
    await call('PATCH', `/api/admin/units/${t.ids.units.roads}`, { name: { vi: 'Tên mới', en: 'New name' } });
    await call('PATCH', '/api/admin/categories/potholes', { deadline: { value: 8, unit: 'hours' }, active: false });
    await call('PUT', '/api/admin/calendar', {
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2027-02-06'],
      dayStartMinutes: 420,
    });
    const tpl = (await call('GET', '/api/admin/templates')).json().items[0];
    await call('PATCH', `/api/admin/templates/${tpl.id}`, { sortOrder: 5 });

    const res = await call('POST', '/api/admin/config', original);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      units: { updated: ['roads'] },
      categories: { updated: ['potholes'] },
      rules: { removed: original.rules.length - 1, added: original.rules.length },
      templates: { removed: 1, added: 1 },
      calendar: { changed: true },
    });
    expect(withoutDate(await exportConfig())).toEqual(withoutDate(original));
    // Routing follows at once: the deleted rule is back.
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() });
    expect(filed.json().unit.id).toBe(t.ids.units.lighting);

    const audit = (await call('GET', '/api/admin/audit?limit=20')).json().items;
    expect(audit[0]).toMatchObject({ entity: 'calendar', before: { workingWeekdays: [1, 2, 3, 4, 5, 6] } });
    expect(audit.find((e: { entity: string }) => e.entity === 'config')).toMatchObject({
      actor: 'admin',
      action: 'import',
      after: { units: { updated: ['roads'] }, calendar: { changed: true } },
    });
    expect(audit.find((e: { entity: string; action: string }) => e.entity === 'unit')).toMatchObject({
      before: { name: { vi: 'Tên mới' } },
      after: { name: { vi: 'Phòng Quản lý đô thị' } },
    });
  });

  it('checks the whole file first and lists every problem with its path', async () => {
    const before = counts();
    const broken = {
      ...original,
      format: 'something-else',
      units: [...original.units, { ...original.units[1]!, kind: 'shop' }],
      categories: [{ ...original.categories[0]!, deadline: { value: 0, unit: 'hours' } }],
      calendar: { ...original.calendar, holidays: ['30/4'] },
    };
    const res = await call('POST', '/api/admin/config', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['format', 'units.4.kind', 'categories.0.deadline.value', 'calendar.holidays.0']),
    );

    const dangling = {
      ...original,
      units: [...original.units, original.units[1]!],
      rules: [...original.rules, { categoryCode: 'volcano', areaCode: 'ward-north', unitCode: 'nobody' }],
      templates: [{ ...original.templates[0]!, categoryCode: 'volcano' }],
      users: [
        ...original.users,
        { username: 'new.staff', displayName: 'Mới', role: 'staff', unitCode: null, disabled: false },
      ],
    };
    const refs = await call('POST', '/api/admin/config', dangling);
    expect(refs.statusCode).toBe(422);
    const n = original.rules.length;
    expect(refs.json().errors).toEqual(
      expect.arrayContaining([
        { path: 'units.4.code', message: '"lighting" is listed twice' },
        { path: `rules.${n}.categoryCode`, message: 'is not a category of the city' },
        { path: `rules.${n}.areaCode`, message: 'is not an area of the city' },
        { path: `rules.${n}.unitCode`, message: 'is not an active unit' },
        { path: 'templates.0.categoryCode', message: 'is not a category of the city' },
        { path: `users.${original.users.length}.unitCode`, message: 'is required for unit staff' },
      ]),
    );
    expect(counts()).toEqual(before);
  });

  it('is all or nothing: bad boundaries late in the import leave the earlier changes unwritten', async () => {
    const before = counts();
    const bowtie = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [109.25, 13.05],
          [109.3, 13.1],
          [109.3, 13.05],
          [109.25, 13.1],
          [109.25, 13.05],
        ],
      ],
    };
    const file = {
      ...original,
      units: [...original.units, { code: 'parks', name: { vi: 'Công viên', en: 'Parks' }, kind: 'company' }],
      areas: {
        type: 'FeatureCollection',
        features: original.areas!.features.map((f, i) => (i === 0 ? { ...f, geometry: bowtie } : f)),
      },
    };
    const res = await call('POST', '/api/admin/config', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toMatch(/^areas\.features\.0/);
    expect(counts()).toEqual(before);
    expect((await call('GET', '/api/admin/units')).json().items.map((u: { code: string }) => u.code)).not.toContain(
      'parks',
    );
  });
});

describe('moving a city into a fresh database', () => {
  let fresh: TestApp<void>;
  afterAll(() => fresh.close());

  it('rebuilds the same configuration from the file, routes by it, and leaves imported accounts disabled', async () => {
    const original = await exportConfig();
    // An empty database with only the admin account made by `npm run create-admin`.
    fresh = await buildTestAppOn(async (db) => {
      db.insert(users)
        .values({
          username: 'admin',
          displayName: 'admin',
          role: 'admin',
          passwordHash: await AuthService.hashPassword(TEST_PASSWORD),
          createdAt: 0,
          // Enrolled in two-step verification, as an admin must be before doing anything.
          ...testTotpColumns(),
        })
        .run();
    });
    const cookie = await fresh.login('admin');

    const res = await call('POST', '/api/admin/config', original, fresh.app, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      units: { created: ['ioc', 'lighting', 'roads', 'ubnd-west'] },
      areas: { changed: true, imported: 2 },
      users: { created: original.users.map((u) => u.username).filter((u) => u !== 'admin'), existing: 1 },
    });

    const again = await exportConfig(fresh.app, cookie);
    const { users: movedUsers, ...rest } = withoutDate(again);
    const { users: originalUsers, ...originalRest } = withoutDate(original);
    expect(rest).toEqual(originalRest);
    expect(movedUsers).toEqual(
      originalUsers.map((u) => (u.username === 'admin' ? { ...u, unitCode: null } : { ...u, disabled: true })),
    );

    // Reports are routed by the imported rules and boundaries.
    const filed = await fresh.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({ categoryCode: 'potholes', ...TEST_CITY.insideWest }),
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ area: { code: 'ward-west' }, unit: { name: 'UBND Phường Tây' } });

    // An imported account signs in once an admin gives it a password and enables it.
    const list = (await call('GET', '/api/admin/users', undefined, fresh.app, cookie)).json().items;
    const staff = list.find((u: { username: string }) => u.username === 'staff.lighting');
    const denied = await fresh.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff.lighting', password: TEST_PASSWORD },
    });
    expect(denied.statusCode).toBe(401);
    await call(
      'PATCH',
      `/api/admin/users/${staff.id}`,
      { password: 'mat-khau-moi-123', disabled: false },
      fresh.app,
      cookie,
    );
    const ok = await fresh.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'staff.lighting', password: 'mat-khau-moi-123' },
    });
    expect(ok.statusCode).toBe(200);
  });
});

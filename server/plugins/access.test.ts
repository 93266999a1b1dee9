import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ACCESS, mayCall } from '../../shared/domain/access';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/roles';
import { buildTestApp, type TestApp } from '../test/app';
import { registeredApiRoutes } from './access';

// THE policy test: every route the server registers is in the shared access table and the other way
// round, and every role (and no session at all) gets exactly the access the table gives it.

let t: TestApp;
const cookies = new Map<StaffRole, string>();
const USERNAME: Record<StaffRole, string> = {
  operator: 'operator',
  staff: 'staff.lighting',
  leader: 'leader',
  admin: 'admin',
};

beforeAll(async () => {
  t = await buildTestApp();
  for (const role of STAFF_ROLES) cookies.set(role, await t.login(USERNAME[role]));
});
afterAll(() => t.close());

const concrete = (path: string) => path.replace(':id', '1').replace(':code', 'street_lighting');

describe('the access table', () => {
  it('lists exactly the /api routes the server registers', () => {
    expect(registeredApiRoutes(t.app).sort()).toEqual(Object.keys(API_ACCESS).sort());
  });

  const cases = Object.entries(API_ACCESS).flatMap(([route, access]) =>
    [null, ...STAFF_ROLES].map((role) => ({ route, access, role })),
  );

  it.each(cases)('$route as $role', async ({ route, access, role }) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await t.app.inject({
      method: method as 'GET',
      url: concrete(path!),
      headers: role ? { cookie: cookies.get(role)! } : {},
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    });
    if (mayCall(access, role)) {
      // Allowed: whatever the answer (a missing body is 422, an unknown id 404), never a refusal of access...
      if (res.statusCode === 401 || res.statusCode === 403) {
        // ...except /api/auth/me and the like, which need a session the table marks as staff-only anyway.
        expect.fail(`${route} refused ${role ?? 'no session'} with ${res.statusCode}: ${res.body}`);
      }
    } else {
      expect(res.statusCode, `${route} as ${role ?? 'no session'}`).toBe(role === null ? 401 : 403);
      expect(res.headers['content-type']).toMatch(/json/);
    }
    // HEAD runs the GET handler: it must be refused exactly like GET.
    if (method === 'GET') {
      const head = await t.app.inject({
        method: 'HEAD',
        url: concrete(path!),
        headers: role ? { cookie: cookies.get(role)! } : {},
      });
      if (mayCall(access, role)) expect([401, 403]).not.toContain(head.statusCode);
      else expect(head.statusCode, `HEAD ${path} as ${role ?? 'no session'}`).toBe(role === null ? 401 : 403);
    }
    // A sign-out ends that session: sign in again for the next routes.
    if (role && route === 'POST /api/auth/logout') cookies.set(role, await t.login(USERNAME[role]));
  });
});

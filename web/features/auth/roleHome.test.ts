import { describe, expect, it } from 'vitest';
import { afterLogin, roleHome } from './roleHome';

describe('where staff land after signing in', () => {
  it('sends each role to its own page', () => {
    expect(roleHome('operator')).toBe('/ioc');
    expect(roleHome('admin')).toBe('/admin');
    expect(roleHome('staff')).toBe('/unit');
    expect(roleHome('leader')).toBe('/stats');
  });

  it('returns to the page asked for when the role may see it, else goes home', () => {
    expect(afterLogin('leader', '/stats')).toBe('/stats');
    expect(afterLogin('staff', '/ioc')).toBe('/unit');
    expect(afterLogin('operator', '/stats')).toBe('/stats');
    expect(afterLogin('operator', 'https://evil.example/')).toBe('/ioc');
    expect(afterLogin('operator', null)).toBe('/ioc');
  });

  it('lets leaders open the wall screen, though not the operator desk under the same path', () => {
    expect(afterLogin('leader', '/ioc/wall')).toBe('/ioc/wall');
    expect(afterLogin('operator', '/ioc/wall')).toBe('/ioc/wall');
    expect(afterLogin('leader', '/ioc')).toBe('/stats');
    expect(afterLogin('staff', '/ioc/wall')).toBe('/unit');
  });

  it('keeps the administration to admins, down to its sections', () => {
    expect(afterLogin('admin', null)).toBe('/admin');
    expect(afterLogin('admin', '/admin/rules')).toBe('/admin/rules');
    expect(afterLogin('admin', '/ioc')).toBe('/ioc');
    expect(afterLogin('operator', '/admin/users')).toBe('/ioc');
    expect(afterLogin('leader', '/admin')).toBe('/stats');
  });
});

describe("a unit's leader", () => {
  const unitLeader = { role: 'leader' as const, unit: { id: 3, name: 'Công ty Chiếu sáng công cộng' } };
  const cityLeader = { role: 'leader' as const, unit: null };

  it("lands on the unit's page, while a city-wide leader lands on the statistics", () => {
    expect(roleHome(unitLeader)).toBe('/unit');
    expect(roleHome(cityLeader)).toBe('/stats');
    expect(afterLogin(unitLeader, null)).toBe('/unit');
    expect(afterLogin(cityLeader, null)).toBe('/stats');
  });

  it('may still open the statistics and the wall when asked for, but not the operator desk', () => {
    expect(afterLogin(unitLeader, '/stats')).toBe('/stats');
    expect(afterLogin(unitLeader, '/ioc/wall')).toBe('/ioc/wall');
    expect(afterLogin(unitLeader, '/ioc')).toBe('/unit');
    expect(afterLogin({ role: 'staff', unit: { id: 3, name: 'Chiếu sáng' } }, '/stats')).toBe('/unit');
  });
});

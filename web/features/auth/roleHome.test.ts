import { describe, expect, it } from 'vitest';
import { afterLogin, roleHome } from './roleHome';

describe('where staff land after signing in', () => {
  it('sends each role to its own page', () => {
    expect(roleHome('operator')).toBe('/ioc');
    expect(roleHome('admin')).toBe('/ioc');
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
});

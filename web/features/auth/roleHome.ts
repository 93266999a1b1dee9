import type { StaffRole } from '../../../shared/domain/roles';
import type { SessionUser } from '../../../shared/schemas/reports';

/** Who is signing in: a role, or the session user (a leader with a unit leads that unit). */
export type Who = StaffRole | Pick<SessionUser, 'role' | 'unit'>;

const roleOf = (who: Who): StaffRole => (typeof who === 'string' ? who : who.role);
const hasUnit = (who: Who): boolean => typeof who !== 'string' && !!who.unit;

/** Where each role lands after signing in; a unit's leader lands on the unit's page, a city-wide leader on the statistics. */
export function roleHome(who: Who): string {
  switch (roleOf(who)) {
    case 'operator':
      return '/ioc';
    case 'admin':
      return '/admin';
    case 'staff':
      return '/unit';
    case 'leader':
      return hasUnit(who) ? '/unit' : '/stats';
  }
}

/** Roles allowed on each staff page. */
export const PAGE_ROLES = {
  ioc: ['operator', 'admin'],
  unit: ['staff', 'admin', 'leader'],
  stats: ['leader', 'admin', 'operator'],
  'ioc/wall': ['operator', 'admin', 'leader'],
  admin: ['admin'],
  account: ['operator', 'admin', 'staff', 'leader'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** The page to open after sign-in: the requested one if the role may see it, else the role's home. */
export function afterLogin(who: Who, next: string | null): string {
  const role = roleOf(who);
  if (next) {
    // The most specific page wins: `/ioc/wall` has its own roles, wider than `/ioc`'s.
    const page = Object.entries(PAGE_ROLES)
      .sort(([a], [b]) => b.length - a.length)
      .find(([name]) => next === `/${name}` || next.startsWith(`/${name}/`));
    if (page && (page[1] as readonly StaffRole[]).includes(role)) return next;
  }
  return roleHome(who);
}

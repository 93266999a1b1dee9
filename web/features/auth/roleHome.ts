import type { StaffRole } from '../../../shared/domain/roles';

/** Where each role lands after signing in. */
export function roleHome(role: StaffRole): string {
  switch (role) {
    case 'operator':
    case 'admin':
      return '/ioc';
    case 'staff':
      return '/unit';
    case 'leader':
      return '/stats';
  }
}

/** Roles allowed on each staff page. */
export const PAGE_ROLES = {
  ioc: ['operator', 'admin'],
  unit: ['staff', 'admin'],
  stats: ['leader', 'admin', 'operator'],
  'ioc/wall': ['operator', 'admin', 'leader'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** The page to open after sign-in: the requested one if the role may see it, else the role's home. */
export function afterLogin(role: StaffRole, next: string | null): string {
  if (next) {
    // The most specific page wins: `/ioc/wall` has its own roles, wider than `/ioc`'s.
    const page = Object.entries(PAGE_ROLES)
      .sort(([a], [b]) => b.length - a.length)
      .find(([name]) => next === `/${name}` || next.startsWith(`/${name}/`));
    if (page && (page[1] as readonly StaffRole[]).includes(role)) return next;
  }
  return roleHome(role);
}

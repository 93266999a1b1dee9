import type { StaffRole } from './roles';

/** Who may call an HTTP route: anyone (residents, other systems), or the listed staff roles. */
export type RouteAccess = 'public' | readonly StaffRole[];

const ALL_STAFF: readonly StaffRole[] = ['operator', 'staff', 'leader', 'admin'];
const IOC: readonly StaffRole[] = ['operator', 'admin'];
const ADMIN: readonly StaffRole[] = ['admin'];

/**
 * THE access table of the HTTP API, keyed by `METHOD path` as Fastify registers it. The server refuses
 * to start with an `/api` route missing from it (deny by default) and checks the role before any
 * handler runs (401 without a session, 403 for another role). Finer rules (a unit sees only its own
 * reports, the lifecycle table per action) are applied by the services on top of it.
 */
export const API_ACCESS: Readonly<Record<string, RouteAccess>> = {
  'GET /api/health': 'public',
  'GET /api/docs': 'public',
  'GET /api/categories': 'public',
  'GET /api/areas': 'public',
  'GET /api/units': ALL_STAFF,
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': ALL_STAFF,
  // Two-step verification: any staff member may enrol; an admin without it may do nothing else.
  'POST /api/auth/totp/setup': ALL_STAFF,
  'POST /api/auth/totp/confirm': ALL_STAFF,
  // Residents.
  'POST /api/reports': 'public',
  'GET /api/reports/nearby': 'public',
  'GET /api/track/:code': 'public',
  'POST /api/track/:code/follow': 'public',
  'POST /api/track/:code/comments': 'public',
  'POST /api/track/:code/rating': 'public',
  'POST /api/track/:code/actions': 'public',
  'GET /api/map': 'public',
  // Photos check per photo: public for a report the public may see, staff scope otherwise.
  'GET /api/photos/:id': 'public',
  'GET /api/photos/:id/thumb': 'public',
  // Staff desks.
  'GET /api/reports': ALL_STAFF,
  'GET /api/reports/:id': ALL_STAFF,
  'POST /api/reports/:id/transitions': ['operator', 'staff', 'admin'],
  'POST /api/reports/:id/location': IOC,
  'POST /api/reports/:id/priority': IOC,
  'POST /api/reports/:id/notes': ['operator', 'staff', 'admin'],
  'POST /api/reports/:id/correction': IOC,
  'GET /api/templates': ['operator', 'staff', 'admin'],
  // Anti-spam: the review queue of held reports and blocked senders.
  'GET /api/review': IOC,
  'POST /api/review/:id/release': IOC,
  'POST /api/review/:id/discard': IOC,
  'POST /api/review/:id/block-sender': IOC,
  'POST /api/reports/:id/block-sender': IOC,
  'GET /api/blocked-senders': IOC,
  'DELETE /api/blocked-senders/:id': IOC,
  'GET /api/ioc/map': ['operator', 'leader', 'admin'],
  'GET /api/ioc/summary': ['operator', 'leader', 'admin'],
  // A leader with a unit sees that unit's figures only (the service scopes it).
  'GET /api/stats/summary': ['leader', 'operator', 'admin'],
  'GET /api/stats/overview': ['leader', 'operator', 'admin'],
  'GET /api/stats/reports': ['leader', 'operator', 'admin'],
  'GET /api/stats/heatmap': ['leader', 'operator', 'admin'],
  'GET /api/stats/export.csv': ['leader', 'operator', 'admin'],
  // Administration.
  'GET /api/admin/calendar': IOC,
  'PUT /api/admin/calendar': ADMIN,
  'GET /api/admin/areas': ADMIN,
  'POST /api/admin/areas/preview': ADMIN,
  'POST /api/admin/areas/import': ADMIN,
  'GET /api/admin/units': ADMIN,
  'POST /api/admin/units': ADMIN,
  'PATCH /api/admin/units/:id': ADMIN,
  'GET /api/admin/categories': ADMIN,
  'POST /api/admin/categories': ADMIN,
  'PATCH /api/admin/categories/:code': ADMIN,
  'GET /api/admin/rules': ADMIN,
  'POST /api/admin/rules': ADMIN,
  'PATCH /api/admin/rules/:id': ADMIN,
  'DELETE /api/admin/rules/:id': ADMIN,
  'POST /api/admin/rules/test': ADMIN,
  'GET /api/admin/templates': ADMIN,
  'POST /api/admin/templates': ADMIN,
  'PATCH /api/admin/templates/:id': ADMIN,
  'DELETE /api/admin/templates/:id': ADMIN,
  'GET /api/admin/users': ADMIN,
  'POST /api/admin/users': ADMIN,
  'PATCH /api/admin/users/:id': ADMIN,
  'DELETE /api/admin/users/:id/totp': ADMIN,
  'GET /api/admin/api-keys': ADMIN,
  'POST /api/admin/api-keys': ADMIN,
  'DELETE /api/admin/api-keys/:id': ADMIN,
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/config': ADMIN,
  'POST /api/admin/config': ADMIN,
};

/** The access rule of a route, or undefined when the table does not list it. */
export function accessOf(method: string, path: string): RouteAccess | undefined {
  return API_ACCESS[`${method.toUpperCase()} ${path}`];
}

/** Whether a role (or no session, `null`) may call a route with this rule. */
export function mayCall(access: RouteAccess, role: StaffRole | null): boolean {
  return access === 'public' || (role !== null && access.includes(role));
}

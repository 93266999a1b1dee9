/** Staff roles; a resident has no account and acts through a tracking code. */
export const STAFF_ROLES = ['operator', 'staff', 'leader', 'admin'] as const;
/** A signed-in user's role. */
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Everyone who can act on a report: staff roles, the resident and the system itself (scheduler). */
export type ActorRole = StaffRole | 'resident' | 'system';

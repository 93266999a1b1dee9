import { checkTransition, type ReportAction } from '../../../shared/domain/lifecycle';
import type { ActorRole } from '../../../shared/domain/roles';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type { AuthUser } from '../auth/auth.service';

/** The parts of a report the policy looks at. */
export interface PolicyReport {
  status: string;
  unitId: number | null;
  acknowledgedAt?: number | null;
}

/** Whether a user works within one unit: unit staff, and a unit's leader (a leader with a unit). */
export function isUnitScoped(user: AuthUser): boolean {
  return user.role === 'staff' || (user.role === 'leader' && user.unitId !== null);
}

/**
 * Whether a staff user may see a report at all. Unit staff and a unit's leader see only their own
 * unit's reports once dispatched (a report merely proposed for them in the IOC inbox is not theirs
 * yet); the IOC, city-wide leaders and admins see every report.
 */
export function canView(user: AuthUser, report: PolicyReport): boolean {
  if (isUnitScoped(user)) return user.unitId !== null && report.unitId === user.unitId && report.status !== 'received';
  return true;
}

/** Whether a user's role sees the reporter's name and contact: IOC operators and admins only. */
export function canSeeContact(user: AuthUser): boolean {
  return user.role === 'operator' || user.role === 'admin';
}

/** Why a user may not take an action on a report, or null when they may. */
export function denyAction(
  user: AuthUser,
  report: PolicyReport,
  action: ReportAction,
): 'not_found' | 'forbidden' | 'transition_not_allowed' | null {
  if (!canView(user, report)) return 'not_found';
  const reason = checkTransition(action, report.status as ReportStatus, user.role as ActorRole);
  if (reason === 'role_not_allowed') return 'forbidden';
  if (reason === 'status_not_allowed') return 'transition_not_allowed';
  // Acknowledging is said once per unit.
  if (action === 'acknowledge' && report.acknowledgedAt) return 'transition_not_allowed';
  return null;
}

/** Actions this user may take on this report now (the web renders them as buttons). */
export function allowedActions(user: AuthUser, report: PolicyReport, all: readonly ReportAction[]): ReportAction[] {
  return all.filter((a) => denyAction(user, report, a) === null);
}

import type { ActorRole } from './roles';
import type { ReportStatus } from './statuses';

/** Actions that move a report through its lifecycle. */
export const REPORT_ACTIONS = [
  'dispatch',
  'reroute',
  'acknowledge',
  'start',
  'resolve',
  'close',
  'reopen',
  'reject',
  'mark_duplicate',
  'hand_back',
] as const;
/** One lifecycle action. */
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What an action needs besides the report's version. */
export type ActionInput = 'unitId' | 'reason' | 'note' | 'duplicateOf';

/** One row of the lifecycle table. */
export interface Transition {
  action: ReportAction;
  from: readonly ReportStatus[];
  to: ReportStatus;
  roles: readonly ActorRole[];
  requires: readonly ActionInput[];
}

const OPEN: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];

/** THE lifecycle: enforced by the server, rendered as buttons by the web. */
export const LIFECYCLE: readonly Transition[] = [
  {
    action: 'dispatch',
    from: ['received', 'reopened'],
    to: 'assigned',
    roles: ['operator', 'admin'],
    requires: ['unitId'],
  },
  {
    action: 'reroute',
    from: ['assigned', 'in_progress'],
    to: 'assigned',
    roles: ['operator', 'admin'],
    requires: ['unitId'],
  },
  // The unit confirms it has seen the report (once; a reroute asks the new unit again). Status stays.
  { action: 'acknowledge', from: ['assigned'], to: 'assigned', roles: ['staff', 'admin'], requires: [] },
  { action: 'start', from: ['assigned'], to: 'in_progress', roles: ['staff', 'admin'], requires: [] },
  {
    action: 'resolve',
    from: ['assigned', 'in_progress'],
    to: 'resolved',
    roles: ['staff', 'admin'],
    // The public reply; by default the category also asks for an after-photo (either can be made optional).
    requires: ['note'],
  },
  { action: 'hand_back', from: ['assigned', 'in_progress'], to: 'received', roles: ['staff'], requires: ['reason'] },
  {
    action: 'close',
    from: ['resolved'],
    to: 'closed',
    roles: ['operator', 'admin', 'resident', 'system'],
    requires: [],
  },
  {
    action: 'reopen',
    from: ['resolved'],
    to: 'reopened',
    roles: ['operator', 'admin', 'resident'],
    requires: ['reason'],
  },
  { action: 'reject', from: OPEN, to: 'rejected', roles: ['operator', 'admin'], requires: ['reason'] },
  { action: 'mark_duplicate', from: OPEN, to: 'duplicate', roles: ['operator', 'admin'], requires: ['duplicateOf'] },
];

/** The lifecycle row for an action. */
export function transitionFor(action: ReportAction): Transition {
  const row = LIFECYCLE.find((t) => t.action === action);
  if (!row) throw new Error(`unknown action ${action}`);
  return row;
}

/** Why an action cannot be taken, or null when it can (role and status only; scope is the server's policy). */
export function checkTransition(
  action: ReportAction,
  from: ReportStatus,
  role: ActorRole,
): 'role_not_allowed' | 'status_not_allowed' | null {
  const row = transitionFor(action);
  if (!row.roles.includes(role)) return 'role_not_allowed';
  if (!row.from.includes(from)) return 'status_not_allowed';
  return null;
}

/** Actions a role may take on a report in a given status (what the web shows as buttons). */
export function availableActions(from: ReportStatus, role: ActorRole): ReportAction[] {
  return LIFECYCLE.filter((t) => t.roles.includes(role) && t.from.includes(from)).map((t) => t.action);
}

/** Every `type` a timeline entry can have: `created`, a lifecycle action, or one of the events below. */
export const TIMELINE_EVENT_TYPES = [
  'created',
  ...REPORT_ACTIONS,
  'duplicate_merged',
  /** A resident added information (text and/or photos). */
  'comment',
  /** A resident rated the result. */
  'rated',
  /** Another resident reported the same problem by following this report. */
  'followed',
  /** The IOC placed a report filed by address on the map. */
  'located',
  /** The deadline passed with the report still open (written once, by the scheduler). */
  'overdue',
  /** The IOC changed the priority. */
  'priority_changed',
  /** Staff added an internal note (never public). */
  'note',
  /** The IOC corrected the category and/or location; routing and deadline were recomputed. */
  'corrected',
  /** Filed as `assigned` straight away: the category dispatches to the routed unit at receipt. */
  'auto_dispatched',
] as const;
/** A timeline entry's type. */
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];

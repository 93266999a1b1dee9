/** Every status a report can be in. */
export const REPORT_STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'duplicate',
] as const;
/** A report's status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Statuses in which someone still has work to do. */
export const OPEN_STATUSES: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];

/** True when a report in this status still needs work. */
export function isOpenStatus(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Open311 GeoReport v2 knows only `open` and `closed`. */
export function open311Status(status: ReportStatus): 'open' | 'closed' {
  return isOpenStatus(status) ? 'open' : 'closed';
}

/** Statuses shown in the IOC inbox (waiting for an operator). */
export const INBOX_STATUSES: readonly ReportStatus[] = ['received', 'reopened'];

/** Statuses shown in a unit's queue. */
export const UNIT_QUEUE_STATUSES: readonly ReportStatus[] = ['assigned', 'in_progress'];

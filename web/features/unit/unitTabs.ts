import type { ReportStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { priorityRank } from '../desk/urgency';

/** The tabs of the unit queue. */
export const UNIT_TABS = ['todo', 'done', 'all'] as const;
/** One tab of the unit queue. */
export type UnitTab = (typeof UNIT_TABS)[number];

/** A unit's work: given to it, being fixed, or reopened by the resident (back with the IOC, still its report). */
export const UNIT_TODO_STATUSES: readonly ReportStatus[] = ['assigned', 'in_progress', 'reopened'];

/**
 * The order of work: the earliest deadline first, so the overdue come first (the most overdue on top),
 * then the ones due soonest; equal deadlines by priority, then the oldest report.
 */
export function byDeadline(a: StaffReportView, b: StaffReportView): number {
  return (
    Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
    priorityRank(b) - priorityRank(a) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.id - b.id
  );
}

/** Reports of a tab: work to do by deadline; the rest most recently changed first. */
export function unitTabReports(reports: Iterable<StaffReportView>, tab: UnitTab): StaffReportView[] {
  const all = [...reports];
  const todo = all.filter((r) => UNIT_TODO_STATUSES.includes(r.status)).sort(byDeadline);
  if (tab === 'todo') return todo;
  const rest = all
    .filter((r) => !UNIT_TODO_STATUSES.includes(r.status))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  return tab === 'done' ? rest : [...todo, ...rest];
}

/** Open reports past their deadline at `now`, the most overdue first (a leader's overdue list). */
export function overdueReports(reports: Iterable<StaffReportView>, now: number): StaffReportView[] {
  return [...reports]
    .filter((r) => UNIT_TODO_STATUSES.includes(r.status) && Date.parse(r.dueAt) < now)
    .sort(byDeadline);
}

/** How soon a deadline is: past, within the next `soonMs` (default 4 hours), or later. */
export function dueUrgency(dueAt: string, now: number, soonMs = 4 * 3_600_000): 'overdue' | 'soon' | 'later' {
  const left = Date.parse(dueAt) - now;
  return left < 0 ? 'overdue' : left <= soonMs ? 'soon' : 'later';
}

/**
 * Keeps the reports that are the unit's: given to it (one handed back to the IOC or rerouted leaves), or
 * all of them for an account without a unit (an admin, a city-wide leader).
 */
export function unitKeep(unitId: number | undefined): (r: StaffReportView) => boolean {
  return (r) => r.status !== 'received' && (unitId === undefined || r.unit?.id === unitId);
}

import { UNIT_QUEUE_STATUSES } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { byUrgency } from '../desk/urgency';

/** The tabs of the unit queue. */
export const UNIT_TABS = ['todo', 'done', 'all'] as const;
/** One tab of the unit queue. */
export type UnitTab = (typeof UNIT_TABS)[number];

/** Reports of a tab: work to do most urgent first; the rest most recently changed first. */
export function unitTabReports(reports: Iterable<StaffReportView>, tab: UnitTab): StaffReportView[] {
  const all = [...reports];
  const todo = all.filter((r) => UNIT_QUEUE_STATUSES.includes(r.status)).sort(byUrgency);
  if (tab === 'todo') return todo;
  const rest = all
    .filter((r) => !UNIT_QUEUE_STATUSES.includes(r.status))
    .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  return tab === 'done' ? rest : [...todo, ...rest];
}

import { INBOX_STATUSES } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { byUrgency } from '../desk/urgency';

/** The IOC queue: the inbox (received, reopened) first, then the reports being handled, each most urgent first. */
export function orderQueue(reports: Iterable<StaffReportView>): {
  inbox: StaffReportView[];
  handling: StaffReportView[];
} {
  const inbox: StaffReportView[] = [];
  const handling: StaffReportView[] = [];
  for (const r of reports) (INBOX_STATUSES.includes(r.status) ? inbox : handling).push(r);
  return { inbox: inbox.sort(byUrgency), handling: handling.sort(byUrgency) };
}

import type { StaffReportView } from '../../../shared/schemas/reports';
import { isOverdue } from '../desk/urgency';

/** How a marker looks: status colour, a red ring when overdue, a pulse when new, an outline when selected. */
export interface MarkerLook {
  status: StaffReportView['status'];
  priority: StaffReportView['priority'];
  overdue: boolean;
  fresh: boolean;
  selected: boolean;
}

/** The look of a report's marker at `now`. */
export function markerLook(report: StaffReportView, now: number, fresh: boolean, selected: boolean): MarkerLook {
  return { status: report.status, priority: report.priority, overdue: isOverdue(report, now), fresh, selected };
}

/** CSS classes of the marker element (`report-marker` is the hook browser tests use). */
export function markerClasses(look: MarkerLook): string {
  return [
    'report-marker',
    `status-${look.status}`,
    `priority-${look.priority}`,
    look.overdue && 'overdue',
    look.fresh && 'fresh',
    look.selected && 'selected',
  ]
    .filter(Boolean)
    .join(' ');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The marker's inner HTML, carrying the tracking code for tests and the status for styles. */
export function markerHtml(trackingCode: string, look: MarkerLook): string {
  return `<span class="${markerClasses(look)}" data-tracking-code="${escapeAttr(trackingCode)}" data-status="${look.status}"></span>`;
}

import type { PublicReportEvent } from '../../../shared/realtime/events';
import type { PublicReportView, StaffReportView } from '../../../shared/schemas/reports';

/** A followed report and the id of the last event it reflects. */
export interface TrackState {
  report: PublicReportView;
  lastEventId: number;
}

/** State from the HTTP view: the newest timeline entry tells which event it reflects. */
export function fromView(report: PublicReportView): TrackState {
  return { report, lastEventId: report.timeline.reduce((max, e) => Math.max(max, e.eventId), 0) };
}

/** True for the public projection (a tracking room never gets the staff one, but the type allows both). */
export function isPublicView(report: PublicReportView | StaffReportView): report is PublicReportView {
  return 'timeline' in report && !('version' in report);
}

/** Replaces the report with the event's, unless the event is not newer than what is shown. */
export function applyPublicEvent(state: TrackState, event: PublicReportEvent): TrackState {
  if (event.eventId <= state.lastEventId || event.report.trackingCode !== state.report.trackingCode) return state;
  return { report: event.report, lastEventId: event.eventId };
}

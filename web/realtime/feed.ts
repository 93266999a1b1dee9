import type { StaffReportEvent } from '../../shared/realtime/events';
import type { ReportList, StaffReportView } from '../../shared/schemas/reports';

/** Which reports a screen keeps (e.g. the IOC keeps open ones only). */
export type KeepReport = (report: StaffReportView) => boolean;

/** A screen's reports: the HTTP snapshot with every socket delta applied on top. */
export interface FeedData {
  byId: ReadonlyMap<number, StaffReportView>;
  /** Highest event id applied (snapshot's `lastEventId` to start with); resume after it. */
  lastEventId: number;
}

/** The feed right after the HTTP snapshot. */
export function fromSnapshot(list: ReportList, keep: KeepReport): FeedData {
  const byId = new Map<number, StaffReportView>();
  for (const r of list.items) if (keep(r)) byId.set(r.id, r);
  return { byId, lastEventId: list.lastEventId };
}

/**
 * Applies one socket event. Events arrive in order, so any event whose id is not above the highest
 * applied one was already seen (a replay after resume) and is ignored: the same object comes back.
 */
export function applyEvent(data: FeedData, event: StaffReportEvent, keep: KeepReport): FeedData {
  if (event.eventId <= data.lastEventId) return data;
  return { byId: upsert(data.byId, event.report, keep), lastEventId: event.eventId };
}

/** Applies a report the server returned over HTTP (e.g. after a transition); the event id is unchanged. */
export function applyReport(data: FeedData, report: StaffReportView, keep: KeepReport): FeedData {
  return { byId: upsert(data.byId, report, keep), lastEventId: data.lastEventId };
}

function upsert(
  byId: ReadonlyMap<number, StaffReportView>,
  report: StaffReportView,
  keep: KeepReport,
): ReadonlyMap<number, StaffReportView> {
  const current = byId.get(report.id);
  // A newer version may already be here (applied from an HTTP answer): never step back.
  if (current && current.version > report.version) return byId;
  const next = new Map(byId);
  if (keep(report)) next.set(report.id, report);
  else next.delete(report.id);
  return next;
}

import type { PublicReportView } from '../../../shared/schemas/reports';

/** True when this device may rate the report now: it holds a token, the work is done, nobody rated yet. */
export function canRate(report: Pick<PublicReportView, 'status' | 'rating'>, token: string | null): boolean {
  return !!token && (report.status === 'resolved' || report.status === 'closed') && report.rating === null;
}

/** True when this device may reopen the report now: resolved, and still inside its reopening window. */
export function canReopen(
  report: Pick<PublicReportView, 'status' | 'reopenUntil'>,
  token: string | null,
  now: number,
): boolean {
  if (!token || report.status !== 'resolved' || !report.reopenUntil) return false;
  const until = Date.parse(report.reopenUntil);
  return Number.isFinite(until) && until > now;
}

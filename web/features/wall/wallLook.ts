import type { Priority } from '../../../shared/domain/channels';
import type { DeadlineState, StaffMapFeature } from '../../../shared/schemas/ioc';

/** A cluster of the wall map. */
export type WallCluster = Extract<StaffMapFeature, { type: 'cluster' }>;
/** One report of the wall map. */
export type WallReport = Extract<StaffMapFeature, { type: 'report' }>;

/** Deadline colours of the wall: blue on time, amber due soon, red overdue (the same in the legend). */
export const DEADLINE_COLOURS: Record<DeadlineState, string> = {
  on_time: '#2563eb',
  due_soon: '#f59e0b',
  overdue: '#dc2626',
};

/** Deadline states, calmest first (the legend's order). */
export const DEADLINE_STATES: readonly DeadlineState[] = ['on_time', 'due_soon', 'overdue'];

/** The colour of a report's marker for its deadline state. */
export function deadlineColour(state: DeadlineState): string {
  return DEADLINE_COLOURS[state] ?? DEADLINE_COLOURS.on_time;
}

/** Shares (0-100, rounded) of a cluster's reports that are overdue and due soon; the rest is on time. */
export function clusterShares(c: Pick<WallCluster, 'count' | 'overdue' | 'dueSoon'>): {
  overdue: number;
  dueSoon: number;
} {
  if (c.count <= 0) return { overdue: 0, dueSoon: 0 };
  const overdue = Math.round((Math.min(c.overdue, c.count) / c.count) * 100);
  const dueSoon = Math.min(100 - overdue, Math.round((Math.min(c.dueSoon, c.count) / c.count) * 100));
  return { overdue, dueSoon };
}

/** The ring around a cluster: a red slice for its overdue share, then amber for due soon, blue for the rest. */
export function clusterRing(c: Pick<WallCluster, 'count' | 'overdue' | 'dueSoon'>): string {
  const { overdue, dueSoon } = clusterShares(c);
  const red = DEADLINE_COLOURS.overdue;
  const amber = DEADLINE_COLOURS.due_soon;
  const blue = DEADLINE_COLOURS.on_time;
  const amberEnd = overdue + dueSoon;
  return `conic-gradient(${red} 0% ${overdue}%, ${amber} ${overdue}% ${amberEnd}%, ${blue} ${amberEnd}% 100%)`;
}

/** Size class of a cluster: the bigger the count, the bigger the circle (read from across the room). */
export function wallClusterSize(count: number): 's' | 'm' | 'l' {
  return count < 10 ? 's' : count < 100 ? 'm' : 'l';
}

/** Pixel size of each cluster class. */
export const WALL_CLUSTER_PX = { s: 48, m: 60, l: 74 } as const;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cluster's HTML: the count in a circle ringed by its deadline shares (`.wall-cluster[data-count]` for tests). */
export function wallClusterHtml(c: WallCluster): string {
  const shown = c.count >= 1000 ? `${Math.floor(c.count / 1000)}k` : String(c.count);
  return (
    `<span class="wall-cluster wall-cluster-${wallClusterSize(c.count)}${c.overdue > 0 ? ' has-overdue' : ''}"` +
    ` data-count="${c.count}" data-overdue="${c.overdue}" data-due-soon="${c.dueSoon}"` +
    ` style="background:${clusterRing(c)}"><span class="wall-cluster-count">${shown}</span></span>`
  );
}

/** A report's HTML: a dot in its deadline colour and its status in words (`.wall-marker[data-deadline]`). */
export function wallMarkerHtml(
  r: Pick<WallReport, 'trackingCode' | 'deadline' | 'status' | 'priority'>,
  statusLabel: string,
): string {
  return (
    // Only wall-* classes: the shared status-* and priority-* classes would restyle the marker.
    `<span class="wall-marker deadline-${r.deadline}" data-tracking-code="${escapeHtml(r.trackingCode)}"` +
    ` data-deadline="${r.deadline}" data-status="${r.status}" data-priority="${r.priority}"` +
    ` style="--deadline:${deadlineColour(r.deadline)}"><span class="wall-marker-dot"></span>` +
    `<span class="wall-marker-status">${escapeHtml(statusLabel)}</span></span>`
  );
}

/** How many reports the features stand for (a cluster counts all of its reports). */
export function countWallReports(features: readonly StaffMapFeature[]): number {
  return features.reduce((n, f) => n + (f.type === 'cluster' ? f.count : 1), 0);
}

/** A new report at this priority makes the wall beep and flash. */
export function isAlertPriority(priority: Priority): boolean {
  return priority === 'urgent' || priority === 'high';
}

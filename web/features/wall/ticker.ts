import type { Priority } from '../../../shared/domain/channels';
import type { LocalizedName } from '../../../shared/schemas/common';
import type { StaffReportView } from '../../../shared/schemas/reports';

/** One line of the wall's ticker of new reports. */
export interface TickerItem {
  id: number;
  trackingCode: string;
  category: LocalizedName;
  area: string | null;
  priority: Priority;
  createdAt: string;
}

/** How many lines the ticker keeps. */
export const TICKER_MAX = 8;

/** A ticker line for a report. */
export function tickerItem(r: StaffReportView): TickerItem {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    category: r.category.name,
    area: r.area?.name ?? null,
    priority: r.priority,
    createdAt: r.createdAt,
  };
}

/**
 * Whether a change, seen on a unit's wall, is a report reaching that unit: a unit's socket gets no
 * `created` event (a report in the IOC inbox is not theirs yet), so for them a new report is one just
 * dispatched or re-routed to them and not yet acknowledged.
 */
export function arrivedInUnit(report: StaffReportView, unitId: number): boolean {
  return report.unit?.id === unitId && report.status === 'assigned' && report.acknowledgedAt === null;
}

/**
 * Adds reports to the ticker: newest first (by filing time, then id), each report once (a replay after
 * a reconnect repeats some), at most `max` lines. Returns the same array when nothing changed.
 */
export function pushTicker(
  items: readonly TickerItem[],
  added: readonly TickerItem[],
  max = TICKER_MAX,
): readonly TickerItem[] {
  const known = new Set(items.map((i) => i.id));
  const fresh = added.filter((a) => !known.has(a.id) && (known.add(a.id), true));
  if (fresh.length === 0) return items;
  const next = [...fresh, ...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
  return next.slice(0, max);
}

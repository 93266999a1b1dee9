import { z } from 'zod';
import type { ReportStatus } from '../domain/statuses';

/** Query of `GET /api/stats/summary`: a date range (ISO dates, inclusive from, exclusive to). */
export const StatsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** Leaders' first figures over a date range. */
export interface StatsSummary {
  from: string;
  to: string;
  received: number;
  /** Reports per day and category, days in the city's time zone. */
  perDay: { date: string; categoryCode: string; count: number }[];
  statusCounts: Partial<Record<ReportStatus, number>>;
  /** Reports resolved in the range, and how many of them before their deadline. */
  resolved: number;
  resolvedOnTime: number;
  /** resolvedOnTime / resolved, or null when nothing was resolved. */
  onTimeRate: number | null;
  byUnit: { unitId: number; unitName: string; received: number; resolved: number; onTime: number }[];
  /** Median time from receipt to resolution of the reports resolved in the range, or null. */
  medianResolveMinutes: number | null;
  /** Open reports past their deadline now. */
  overdueOpen: number;
  /** The unit the figures are limited to (a unit's leader), or null for the whole city. */
  unitId: number | null;
}

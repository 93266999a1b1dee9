import { z } from 'zod';
import type { ReportStatus } from '../domain/statuses';
import { CHANNELS, type Channel } from '../domain/channels';

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

/** How trends are grouped: local days, ISO weeks (Monday first) or calendar months, in the city's time zone. */
export const STATS_BUCKETS = ['day', 'week', 'month'] as const;
/** One trend bucket size. */
export type StatsBucket = (typeof STATS_BUCKETS)[number];

const MAX_RANGE_MS = 5 * 366 * 86_400_000;

/**
 * Query of `GET /api/stats/overview` (the leaders' page; everything in the URL). The period is
 * [from, to) in UTC instants (the web sends local-day boundaries); the previous period is the same
 * length just before `from`. Filters narrow every figure; a unit's leader is always held to their unit.
 */
export const StatsOverviewQuery = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    unitId: z.coerce.number().int().positive().optional(),
    areaCode: z.string().min(1).max(64).optional(),
    categoryCode: z.string().min(1).max(64).optional(),
    channel: z.enum(CHANNELS).optional(),
    bucket: z.enum(STATS_BUCKETS).default('day'),
    /** Units with fewer resolved reports in the period are listed as too few to rank. */
    minSample: z.coerce.number().int().min(1).max(10_000).default(10),
  })
  .superRefine((q, ctx) => {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > MAX_RANGE_MS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be within 5 years of from' });
  });
/** The parsed overview query. */
export type StatsOverviewQuery = z.output<typeof StatsOverviewQuery>;

/** A figure this period, the same figure over the previous period, and the change (null when either is null). */
export interface Compared<T extends number | null = number | null> {
  value: T;
  previous: T;
  delta: number | null;
}

/** Times to resolve (receipt to the resolution that stands), in minutes; nearest-rank percentiles. */
export interface ResolveTimes {
  /** How many resolutions were measured. */
  count: number;
  median: number | null;
  p90: number | null;
}

/** Ratings given in the period: how many, how many were 4 or 5, their share and their mean. */
export interface Satisfaction {
  count: number;
  satisfied: number;
  /** satisfied / count, or null without ratings. */
  rate: number | null;
  mean: number | null;
}

/** Open reports at an instant and how long they had been waiting then. */
export interface Backlog {
  at: string;
  open: number;
  /** Nearest-rank median and 90th percentile of age (minutes since receipt), null when nothing is open. */
  medianAgeMinutes: number | null;
  p90AgeMinutes: number | null;
  oldestAgeMinutes: number | null;
  /** Counts by age: under 1 day, 1 to 3 days, 3 to 7 days, over 7 days (lower bound included). */
  ageBands: { under1d: number; d1to3: number; d3to7: number; over7d: number };
}

/** The headline figures of one period, each with the previous period's value. */
export interface StatsHeadline {
  /** Reports filed in the period, merged duplicates excluded (they count in their original). */
  received: Compared<number>;
  /** Of those received, how many are now rejected, and how many were merged as duplicates. */
  rejected: Compared<number>;
  duplicates: Compared<number>;
  /** Reports whose standing resolution (not undone by a reopening) falls in the period. */
  resolved: Compared<number>;
  /** Of those, resolved at or before their (current) deadline. */
  resolvedOnTime: Compared<number>;
  /** resolvedOnTime / resolved, null when nothing was resolved. */
  onTimeRate: Compared;
  medianResolveMinutes: Compared;
  p90ResolveMinutes: Compared;
  /** Open at `to` (previous: open at `from`). */
  backlog: Compared<number>;
  backlogMedianAgeMinutes: Compared;
  satisfactionRate: Compared;
  satisfactionMean: Compared;
  ratings: Compared<number>;
}

/** One row of a breakdown (by unit, area, category or channel). */
export interface StatsBreakdownRow {
  /** Unit id (as a string), area code, category code or channel; null for reports outside every area / with no unit. */
  key: string | null;
  /** A unit's or area's name where there is one. */
  name: string | null;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  onTimeRate: number | null;
  medianResolveMinutes: number | null;
  satisfaction: Satisfaction;
}

/** One trend bucket: its first local day (YYYY-MM-DD) and the period's counts in it. */
export interface StatsTrendPoint {
  start: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
}

/** `GET /api/stats/overview`: headline figures with the previous period, trends, breakdowns and the unit ranking. */
export interface StatsOverview {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** The filters applied (a unit's leader: always their unit). */
  filters: { unitId: number | null; areaCode: string | null; categoryCode: string | null; channel: Channel | null };
  headline: StatsHeadline;
  resolveTimes: ResolveTimes;
  satisfaction: Satisfaction;
  backlog: Backlog;
  trend: { bucket: StatsBucket; points: StatsTrendPoint[] };
  breakdowns: {
    unit: StatsBreakdownRow[];
    area: StatsBreakdownRow[];
    category: StatsBreakdownRow[];
    channel: StatsBreakdownRow[];
  };
  /** Units by on-time rate (best first) among those with at least `minSample` resolved; the rest apart. */
  ranking: {
    minSample: number;
    ranked: { rank: number; unitId: number; name: string | null; resolved: number; onTimeRate: number }[];
    tooFewToRank: { unitId: number; name: string | null; resolved: number }[];
  };
}

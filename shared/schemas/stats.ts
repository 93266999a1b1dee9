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
/** The period and filters every statistics query takes (overview, drill-down, heat map, export). */
const StatsPeriodFields = {
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  unitId: z.coerce.number().int().positive().optional(),
  areaCode: z.string().min(1).max(64).optional(),
  categoryCode: z.string().min(1).max(64).optional(),
  channel: z.enum(CHANNELS).optional(),
};

/** [from, to) must be a forward period of at most five years. */
function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > MAX_RANGE_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be within 5 years of from' });
}

export const StatsOverviewQuery = z
  .object({
    ...StatsPeriodFields,
    bucket: z.enum(STATS_BUCKETS).default('day'),
    /** Units with fewer resolved reports in the period are listed as too few to rank. */
    minSample: z.coerce.number().int().min(1).max(10_000).default(10),
  })
  .superRefine(checkPeriod);
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

/**
 * The figures a leader can drill into: the reports behind each. Same definitions as the overview:
 * `received` created in the period (merged duplicates excluded), `rejected` / `duplicates` of those,
 * `resolved` standing resolution in the period, `onTime` / `late` of those against their deadline,
 * `backlog` open at `to`, `rated` rated in the period, `unsatisfied` rated 1 to 3 in the period.
 */
export const STATS_FIGURES = [
  'received',
  'rejected',
  'duplicates',
  'resolved',
  'onTime',
  'late',
  'backlog',
  'rated',
  'unsatisfied',
] as const;
/** One drill-down figure. */
export type StatsFigure = (typeof STATS_FIGURES)[number];

/** `minLng,minLat,maxLng,maxLat` (a heat-map cell or the visible map). */
const Bbox = z.string().transform((s, ctx) => {
  const n = s.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
  const [minLng, minLat, maxLng, maxLat] = n;
  if (
    n.length !== 4 ||
    n.some((x) => !Number.isFinite(x)) ||
    minLng! < -180 ||
    maxLng! > 180 ||
    minLat! < -90 ||
    maxLat! > 90 ||
    minLng! >= maxLng! ||
    minLat! >= maxLat!
  ) {
    ctx.addIssue({ code: 'custom', message: 'must be minLng,minLat,maxLng,maxLat with min < max, in degrees' });
    return z.NEVER;
  }
  return { minLng: minLng!, minLat: minLat!, maxLng: maxLng!, maxLat: maxLat! };
});

/** Query of `GET /api/stats/reports`: the reports behind one figure, a page at a time (newest first). */
export const StatsReportsQuery = z
  .object({
    ...StatsPeriodFields,
    figure: z.enum(STATS_FIGURES),
    bbox: Bbox.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .superRefine(checkPeriod);
/** The parsed drill-down query. */
export type StatsReportsQuery = z.output<typeof StatsReportsQuery>;

/** One report in a drill-down list: what a leader needs to judge it, never the reporter. */
export interface StatsReportItem {
  trackingCode: string;
  categoryCode: string;
  status: ReportStatus;
  priority: string;
  channel: Channel;
  areaCode: string | null;
  areaName: string | null;
  unitId: number | null;
  unitName: string | null;
  createdAt: string;
  dueAt: string;
  resolvedAt: string | null;
  /** Minutes from receipt to the standing resolution, when resolved. */
  resolveMinutes: number | null;
  rating: number | null;
}

/** `GET /api/stats/reports`: one page of the reports behind a figure, and how many there are in all. */
export interface StatsReportPage {
  figure: StatsFigure;
  total: number;
  page: number;
  pageSize: number;
  items: StatsReportItem[];
}

/** Query of `GET /api/stats/heatmap` and `GET /api/stats/export.csv`: the period and filters. */
export const StatsPeriodQuery = z.object(StatsPeriodFields).superRefine(checkPeriod);
/** The parsed period query. */
export type StatsPeriodQuery = z.output<typeof StatsPeriodQuery>;

/**
 * `GET /api/stats/heatmap`: reports received in the period (with a location) counted on a grid of
 * `cellDeg` degrees; each cell is [south-west lat, south-west lng, count]. Reports filed by address only
 * are counted in `unlocated`.
 */
export interface StatsHeatmap {
  cellDeg: number;
  cells: [number, number, number][];
  max: number;
  total: number;
  unlocated: number;
}

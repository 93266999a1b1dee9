import { z } from 'zod';
import { CHANNELS } from '../../domain/channels';
import type * as Stats from '../../schemas/stats';
import { STATS_BUCKETS, STATS_FIGURES } from '../../schemas/stats';
import { iso, nullableIso, int, count, status } from './common';

const rate = z.number().min(0).max(1).nullable();
const minutes = z.number().nonnegative().nullable();

/** `GET /api/stats/summary`. */
export const StatsSummaryResponse: z.ZodType<Stats.StatsSummary> = z.strictObject({
  from: z.string(),
  to: z.string(),
  received: count,
  perDay: z.array(z.strictObject({ date: z.string(), categoryCode: z.string(), count: count })),
  statusCounts: z.partialRecord(status, count),
  resolved: count,
  resolvedOnTime: count,
  onTimeRate: rate,
  byUnit: z.array(
    z.strictObject({ unitId: int, unitName: z.string(), received: count, resolved: count, onTime: count }),
  ),
  medianResolveMinutes: minutes,
  overdueOpen: count,
  unitId: int.nullable(),
});

const compared = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, previous: value, delta: z.number().nullable() });
const satisfaction = z.strictObject({
  count: count,
  satisfied: count,
  rate,
  mean: z.number().min(1).max(5).nullable(),
});
const breakdownRow = z.strictObject({
  key: z.string().nullable(),
  name: z.string().nullable(),
  received: count,
  resolved: count,
  resolvedOnTime: count,
  onTimeRate: rate,
  medianResolveMinutes: minutes,
  satisfaction,
});
const nullableNumber = z.number().nullable();

/** `GET /api/stats/overview`. */
export const StatsOverviewResponse: z.ZodType<Stats.StatsOverview> = z.strictObject({
  from: iso,
  to: iso,
  previousFrom: iso,
  previousTo: iso,
  filters: z.strictObject({
    unitId: int.nullable(),
    areaCode: z.string().nullable(),
    categoryCode: z.string().nullable(),
    channel: z.enum(CHANNELS).nullable(),
  }),
  headline: z.strictObject({
    received: compared(count),
    rejected: compared(count),
    duplicates: compared(count),
    resolved: compared(count),
    resolvedOnTime: compared(count),
    onTimeRate: compared(nullableNumber),
    medianResolveMinutes: compared(nullableNumber),
    p90ResolveMinutes: compared(nullableNumber),
    backlog: compared(count),
    backlogMedianAgeMinutes: compared(nullableNumber),
    satisfactionRate: compared(nullableNumber),
    satisfactionMean: compared(nullableNumber),
    ratings: compared(count),
  }),
  resolveTimes: z.strictObject({ count: count, median: minutes, p90: minutes }),
  satisfaction,
  backlog: z.strictObject({
    at: iso,
    open: count,
    medianAgeMinutes: minutes,
    p90AgeMinutes: minutes,
    oldestAgeMinutes: minutes,
    ageBands: z.strictObject({ under1d: count, d1to3: count, d3to7: count, over7d: count }),
  }),
  trend: z.strictObject({
    bucket: z.enum(STATS_BUCKETS),
    points: z.array(z.strictObject({ start: z.string(), received: count, resolved: count, resolvedOnTime: count })),
  }),
  breakdowns: z.strictObject({
    unit: z.array(breakdownRow),
    area: z.array(breakdownRow),
    category: z.array(breakdownRow),
    channel: z.array(breakdownRow),
  }),
  ranking: z.strictObject({
    minSample: int.min(1),
    ranked: z.array(
      z.strictObject({
        rank: int.min(1),
        unitId: int,
        name: z.string().nullable(),
        resolved: count,
        onTimeRate: z.number().min(0).max(1),
      }),
    ),
    tooFewToRank: z.array(z.strictObject({ unitId: int, name: z.string().nullable(), resolved: count })),
  }),
});

/** `GET /api/stats/reports`. */
export const StatsReportPageResponse: z.ZodType<Stats.StatsReportPage> = z.strictObject({
  figure: z.enum(STATS_FIGURES),
  total: count,
  page: int.min(1),
  pageSize: int.min(1),
  items: z.array(
    z.strictObject({
      trackingCode: z.string(),
      categoryCode: z.string(),
      status,
      priority: z.string(),
      channel: z.enum(CHANNELS),
      areaCode: z.string().nullable(),
      areaName: z.string().nullable(),
      unitId: int.nullable(),
      unitName: z.string().nullable(),
      createdAt: iso,
      dueAt: iso,
      resolvedAt: nullableIso,
      resolveMinutes: minutes,
      rating: int.min(1).max(5).nullable(),
    }),
  ),
});

/** `GET /api/stats/heatmap`. */
export const StatsHeatmapResponse: z.ZodType<Stats.StatsHeatmap> = z.strictObject({
  cellDeg: z.number().positive(),
  cells: z.array(z.tuple([z.number(), z.number(), count])),
  max: count,
  total: count,
  unlocated: count,
});

import type {
  Compared,
  StatsBreakdownRow,
  StatsHeatmap,
  StatsOverview,
  StatsReportItem,
  StatsReportPage,
} from '../../../shared/schemas/stats';

// Test data for the statistics screens (imported by tests only).

const c = <T extends number | null>(value: T, previous: T): Compared<T> => ({
  value,
  previous,
  delta: value === null || previous === null ? null : (value as number) - (previous as number),
});

/** A breakdown row with sensible figures. */
export function row(
  key: string | null,
  name: string | null,
  patch: Partial<StatsBreakdownRow> = {},
): StatsBreakdownRow {
  return {
    key,
    name,
    received: 20,
    resolved: 16,
    resolvedOnTime: 12,
    onTimeRate: 0.75,
    medianResolveMinutes: 200,
    satisfaction: { count: 5, satisfied: 4, rate: 0.8, mean: 4.2 },
    ...patch,
  };
}

/** An overview of November 2026 (city-wide) with three units, one too small to rank. */
export function overview(patch: Partial<StatsOverview> = {}): StatsOverview {
  return {
    from: '2026-10-31T17:00:00.000Z',
    to: '2026-11-30T17:00:00.000Z',
    previousFrom: '2026-10-01T17:00:00.000Z',
    previousTo: '2026-10-31T17:00:00.000Z',
    filters: { unitId: null, areaCode: null, categoryCode: null, channel: null },
    headline: {
      received: c(1234, 1100),
      rejected: c(12, 10),
      duplicates: c(30, 28),
      resolved: c(1000, 900),
      resolvedOnTime: c(900, 720),
      onTimeRate: c(0.9, 0.8),
      medianResolveMinutes: c(200, 260),
      p90ResolveMinutes: c(3120, 3000),
      backlog: c(30, 20),
      backlogMedianAgeMinutes: c(1500, 1400),
      satisfactionRate: c(0.875, 0.9),
      satisfactionMean: c(4.3, 4.4),
      ratings: c(80, 70),
    },
    resolveTimes: { count: 1000, median: 200, p90: 3120 },
    satisfaction: { count: 80, satisfied: 70, rate: 0.875, mean: 4.3 },
    backlog: {
      at: '2026-11-30T17:00:00.000Z',
      open: 30,
      medianAgeMinutes: 1500,
      p90AgeMinutes: 9000,
      oldestAgeMinutes: 20000,
      ageBands: { under1d: 10, d1to3: 12, d3to7: 5, over7d: 3 },
    },
    trend: {
      bucket: 'day',
      points: [
        { start: '2026-11-01', received: 40, resolved: 30, resolvedOnTime: 28 },
        { start: '2026-11-02', received: 44, resolved: 35, resolvedOnTime: 30 },
      ],
    },
    breakdowns: {
      unit: [
        row('1', 'Chiếu sáng đô thị', { resolved: 40, resolvedOnTime: 38, onTimeRate: 0.95 }),
        row('3', 'Cây xanh', { resolved: 30, resolvedOnTime: 21, onTimeRate: 0.7 }),
        row('7', 'Phường Bình Kiến', { received: 5, resolved: 4, resolvedOnTime: 4, onTimeRate: 1 }),
        row(null, null, { received: 9, resolved: 0, resolvedOnTime: 0, onTimeRate: null }),
      ],
      area: [row('tuy-hoa', 'Phường Tuy Hòa')],
      category: [row('street_lighting', null), row('flooding', null, { received: 3 })],
      channel: [row('hotline', null), row('app', null)],
    },
    ranking: {
      minSample: 10,
      ranked: [
        { rank: 1, unitId: 1, name: 'Chiếu sáng đô thị', resolved: 40, onTimeRate: 0.95 },
        { rank: 2, unitId: 3, name: 'Cây xanh', resolved: 30, onTimeRate: 0.7 },
      ],
      tooFewToRank: [{ unitId: 7, name: 'Phường Bình Kiến', resolved: 4 }],
    },
    ...patch,
  };
}

/** One drill-down item. */
export function reportItem(code: string, patch: Partial<StatsReportItem> = {}): StatsReportItem {
  return {
    trackingCode: code,
    categoryCode: 'street_lighting',
    status: 'resolved',
    priority: 'normal',
    channel: 'app',
    areaCode: 'tuy-hoa',
    areaName: 'Phường Tuy Hòa',
    unitId: 3,
    unitName: 'Cây xanh',
    createdAt: '2026-11-10T01:00:00.000Z',
    dueAt: '2026-11-12T01:00:00.000Z',
    resolvedAt: '2026-11-13T04:20:00.000Z',
    resolveMinutes: 4520,
    rating: 2,
    ...patch,
  };
}

/** A page of drill-down items. */
export function reportPage(patch: Partial<StatsReportPage> = {}): StatsReportPage {
  return {
    figure: 'late',
    total: 45,
    page: 1,
    pageSize: 20,
    items: [reportItem('TH-2611-AAAAAA'), reportItem('TH-2611-BBBBBB', { rating: null })],
    ...patch,
  };
}

/** A heat map of two cells. */
export function heatmap(): StatsHeatmap {
  return {
    cellDeg: 0.005,
    cells: [
      [13.09, 109.3, 12],
      [13.095, 109.305, 3],
    ],
    max: 12,
    total: 15,
    unlocated: 2,
  };
}

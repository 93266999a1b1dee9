import type { Channel } from '../../../shared/domain/channels';
import type {
  Backlog,
  Satisfaction,
  StatsBreakdownRow,
  StatsOverview,
  StatsOverviewQuery,
} from '../../../shared/schemas/stats';
import { bucketStarts, compare, rate } from '../../domain/stats-math';
import { DEFAULT_CALENDAR } from '../../domain/working-time';
import {
  emptyCounts,
  type BacklogRow,
  CountsRow,
  Dimension,
  OverviewFilters,
  OverviewRepository,
  ResolveTimesRow,
} from './overview.repository';
import type { StatsScope } from './stats.repository';

const EMPTY = emptyCounts(null, null);

const satisfactionOf = (c: CountsRow): Satisfaction => ({
  count: c.ratings,
  satisfied: c.satisfied,
  rate: rate(c.satisfied, c.ratings),
  // The mean score is a ratio too: sum of scores / number of ratings.
  mean: rate(c.ratingSum, c.ratings),
});

const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

/**
 * Where the overview's figures come from: the SQL of `OverviewRepository` (the reference definitions),
 * or the in-memory `StatsModel` that answers the same questions fast on millions of reports.
 */
export type OverviewSource = Pick<OverviewRepository, 'counts' | 'resolveTimes' | 'trend' | 'unitNames'> & {
  backlog(at: number, f: OverviewFilters): BacklogRow;
};

/**
 * The leaders' overview: headline figures compared with the previous period, trends, breakdowns and
 * the ranking of units. Definitions are on `OverviewRepository` (what each count reads) and in
 * `shared/schemas/stats.ts`; percentiles are nearest-rank (`domain/stats-math.ts`).
 */
export class OverviewService {
  constructor(
    private readonly repo: OverviewSource,
    /** The city's offset from UTC: trend buckets are local days, Monday weeks and months. */
    private readonly utcOffsetMinutes = DEFAULT_CALENDAR.utcOffsetMinutes,
  ) {}

  /** All figures of [from, to) with the filters; a unit's leader (`scope.unitId`) is held to their unit. */
  overview(q: StatsOverviewQuery, scope: StatsScope = {}): StatsOverview {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    const previousFrom = from - (to - from);
    const f: OverviewFilters = {
      unitId: scope.unitId ?? q.unitId,
      areaCode: q.areaCode,
      categoryCode: q.categoryCode,
      channel: q.channel,
    };
    const cur = this.repo.counts(from, to, f)[0] ?? EMPTY;
    const prev = this.repo.counts(previousFrom, from, f)[0] ?? EMPTY;
    const curT = this.repo.resolveTimes(from, to, f)[0];
    const prevT = this.repo.resolveTimes(previousFrom, from, f)[0];
    const backlog = this.backlogAt(to, f);
    const prevBacklog = this.backlogAt(from, f);
    const names = this.repo.unitNames();
    const unit = this.breakdown(from, to, f, 'unit', (key) => (key === null ? null : (names.get(Number(key)) ?? null)));
    const ranked = unit.filter((u) => u.key !== null && u.resolved >= q.minSample);
    ranked.sort((a, b) => b.onTimeRate! - a.onTimeRate! || b.resolved - a.resolved || Number(a.key) - Number(b.key));
    const trendRows = new Map(
      this.repo.trend(from, to, f, q.bucket, this.utcOffsetMinutes * 60_000).map((p) => [p.start, p]),
    );
    const satisfaction = satisfactionOf(cur);
    const prevSatisfaction = satisfactionOf(prev);
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      previousFrom: new Date(previousFrom).toISOString(),
      previousTo: new Date(from).toISOString(),
      filters: {
        unitId: f.unitId ?? null,
        areaCode: f.areaCode ?? null,
        categoryCode: f.categoryCode ?? null,
        channel: (f.channel as Channel | undefined) ?? null,
      },
      headline: {
        received: compare(cur.received, prev.received),
        rejected: compare(cur.rejected, prev.rejected),
        duplicates: compare(cur.duplicates, prev.duplicates),
        resolved: compare(cur.resolved, prev.resolved),
        resolvedOnTime: compare(cur.onTime, prev.onTime),
        onTimeRate: compare(rate(cur.onTime, cur.resolved), rate(prev.onTime, prev.resolved)),
        medianResolveMinutes: compare(curT?.p50 ?? null, prevT?.p50 ?? null),
        p90ResolveMinutes: compare(curT?.p90 ?? null, prevT?.p90 ?? null),
        backlog: compare(backlog.open, prevBacklog.open),
        backlogMedianAgeMinutes: compare(backlog.medianAgeMinutes, prevBacklog.medianAgeMinutes),
        satisfactionRate: compare(satisfaction.rate, prevSatisfaction.rate),
        satisfactionMean: compare(satisfaction.mean, prevSatisfaction.mean),
        ratings: compare(cur.ratings, prev.ratings),
      },
      resolveTimes: { count: curT?.n ?? 0, median: curT?.p50 ?? null, p90: curT?.p90 ?? null },
      satisfaction,
      backlog,
      trend: {
        bucket: q.bucket,
        points: bucketStarts(from, to, q.bucket, this.utcOffsetMinutes).map((start) => ({
          start,
          received: trendRows.get(start)?.received ?? 0,
          resolved: trendRows.get(start)?.resolved ?? 0,
          resolvedOnTime: trendRows.get(start)?.resolvedOnTime ?? 0,
        })),
      },
      breakdowns: {
        unit,
        area: this.breakdown(from, to, f, 'area'),
        category: this.breakdown(from, to, f, 'category'),
        channel: this.breakdown(from, to, f, 'channel'),
      },
      ranking: {
        minSample: q.minSample,
        ranked: ranked.map((u, i) => ({
          rank: i + 1,
          unitId: Number(u.key),
          name: u.name,
          resolved: u.resolved,
          onTimeRate: u.onTimeRate!,
        })),
        tooFewToRank: unit
          .filter((u) => u.key !== null && u.resolved < q.minSample)
          .map((u) => ({ unitId: Number(u.key), name: u.name, resolved: u.resolved })),
      },
    };
  }

  private backlogAt(at: number, f: OverviewFilters): Backlog {
    const b = this.repo.backlog(at, f);
    return {
      at: new Date(at).toISOString(),
      open: b.open,
      medianAgeMinutes: minutes(b.p50),
      p90AgeMinutes: minutes(b.p90),
      oldestAgeMinutes: minutes(b.oldest),
      ageBands: { under1d: b.under1d, d1to3: b.d1to3, d3to7: b.d3to7, over7d: b.over7d },
    };
  }

  private breakdown(
    from: number,
    to: number,
    f: OverviewFilters,
    dim: Dimension,
    nameOf?: (key: string | null) => string | null,
  ): StatsBreakdownRow[] {
    const times = new Map<string | null, ResolveTimesRow>(
      this.repo.resolveTimes(from, to, f, dim).map((t) => [t.key, t]),
    );
    return this.repo.counts(from, to, f, dim).map((c) => ({
      key: c.key,
      name: nameOf ? nameOf(c.key) : c.name,
      received: c.received,
      resolved: c.resolved,
      resolvedOnTime: c.onTime,
      onTimeRate: rate(c.onTime, c.resolved),
      medianResolveMinutes: times.get(c.key)?.p50 ?? null,
      satisfaction: satisfactionOf(c),
    }));
  }
}

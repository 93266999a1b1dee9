import type { StatsBucket, StatsFigure } from '../../../shared/schemas/stats';
import type { Db } from '../../db/client';
import { HEAT_STEPS_PER_DEG, type GridCount } from '../../domain/heatmap';
import { bucketStart } from '../../domain/stats-math';
import type { StatsFilters } from './drilldown.repository';
import {
  emptyCounts,
  type BacklogRow,
  type CountsRow,
  type Dimension,
  type OverviewFilters,
  type ResolveTimesRow,
} from './overview.repository';
import type { OverviewSource } from './overview.service';
import { StatsColumns } from './stats-columns';
import { StatsModelRepository } from './stats-model.repository';
import { grow, selectKth, sortedMatches } from './time-order';

const DAY = 86_400_000;

/**
 * The statistics model: the few columns of every report the leaders' figures read, in typed arrays,
 * plus every report's open spans (rebuilt from the events), kept current by replaying the event log
 * before each query. It answers the overview's questions with the same definitions as the SQL of
 * `OverviewRepository` (which the tests hold it to), scanning only the period's reports through
 * orders by receipt, resolution and rating time, and the spans closed after an instant for the
 * backlog then. On 1,000,000 reports a year's figures take milliseconds where the SQL took a second:
 * the SQL reads whole report rows, this reads a few bytes per report.
 */
export class StatsModel extends StatsColumns implements OverviewSource {
  /** Reused between questions: resolve times, their groups, and the times grouped. */
  private scratchTimes = new Float64Array(1024);
  private scratchGroups = new Int32Array(1024);
  private scratchSorted = new Float64Array(1024);

  /** Loads every report and its openings and closings, in one read transaction (a consistent snapshot). */
  static load(repo: StatsModelRepository, inReadTransaction: <T>(fn: () => T) => T): StatsModel {
    const model = new StatsModel(repo);
    model.fill(inReadTransaction);
    return model;
  }

  counts(from: number, to: number, f: OverviewFilters, dim: Dimension = 'none'): CountsRow[] {
    const match = this.matcher(f);
    if (!match) return [];
    const group = this.grouping(dim);
    // Group numbers are small (dictionary ids, unit ids; -1 for no unit): a dense array beats a Map.
    const accs: (CountsRow | undefined)[] = [];
    const acc = (i: number): CountsRow => {
      const g = group.of(i) + 1;
      return (accs[g] ??= emptyCounts(group.key(g - 1), group.name(g - 1)));
    };
    this.byCreated.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      const a = acc(i);
      const s = this.status[i];
      if (s === this.duplicate) a.duplicates++;
      else a.received++;
      if (s === this.rejected) a.rejected++;
    });
    this.byResolved.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      const a = acc(i);
      a.resolved++;
      if (this.resolvedAt[i]! <= this.dueAt[i]!) a.onTime++;
    });
    this.byRated.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      const a = acc(i);
      const r = this.rating[i]!;
      a.ratings++;
      if (r >= 4) a.satisfied++;
      a.ratingSum += r;
    });
    const rows = accs.filter((a): a is CountsRow => a !== undefined);
    // As the SQL orders them: most received, then most resolved, then by key (null first, then bytewise).
    return rows.sort((a, b) => b.received - a.received || b.resolved - a.resolved || compareKeys(a.key, b.key));
  }

  resolveTimes(from: number, to: number, f: OverviewFilters, dim: Dimension = 'none'): ResolveTimesRow[] {
    const match = this.matcher(f);
    if (!match) return [];
    const group = this.grouping(dim);
    // Durations and their groups into scratch arrays, then grouped by a counting sort, then two
    // selections per group: no per-group arrays and no copies, which a year's 370,000 resolutions feel.
    let k = 0;
    const counts: number[] = [];
    this.byResolved.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      if (k === this.scratchTimes.length) {
        this.scratchTimes = grow(this.scratchTimes);
        this.scratchGroups = grow(this.scratchGroups);
      }
      const g = group.of(i) + 1;
      this.scratchTimes[k] = this.resolvedAt[i]! - this.createdAt[i]!;
      this.scratchGroups[k++] = g;
      counts[g] = (counts[g] ?? 0) + 1;
    });
    if (this.scratchSorted.length < k) this.scratchSorted = new Float64Array(this.scratchTimes.length);
    const starts: number[] = [];
    let at = 0;
    counts.forEach((c, g) => {
      starts[g] = at;
      at += c;
    });
    const next = [...starts];
    for (let j = 0; j < k; j++) this.scratchSorted[next[this.scratchGroups[j]!]!++] = this.scratchTimes[j]!;
    const rows: ResolveTimesRow[] = [];
    counts.forEach((c, g) => {
      const { p50, p90 } = medianAndP90(this.scratchSorted.subarray(starts[g]!, starts[g]! + c));
      rows.push({ key: group.key(g - 1), n: c, p50: p50 / 60_000, p90: p90 / 60_000 });
    });
    return rows;
  }

  trend(from: number, to: number, f: OverviewFilters, bucket: StatsBucket, offsetMs: number) {
    const match = this.matcher(f);
    const points = new Map<string, { start: string; received: number; resolved: number; resolvedOnTime: number }>();
    if (!match) return [];
    // Bucket starts by local day number, computed once per day rather than once per report.
    const byDay = new Map<number, { start: string; received: number; resolved: number; resolvedOnTime: number }>();
    const point = (t: number) => {
      const day = Math.floor((t + offsetMs) / DAY);
      let p = byDay.get(day);
      if (!p) {
        const start = bucketStart(day * DAY - offsetMs, bucket, offsetMs / 60_000);
        p = points.get(start);
        if (!p) points.set(start, (p = { start, received: 0, resolved: 0, resolvedOnTime: 0 }));
        byDay.set(day, p);
      }
      return p;
    };
    this.byCreated.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      // A merged duplicate's bucket exists with nothing received (as in the SQL).
      const p = point(this.createdAt[i]!);
      if (this.status[i] !== this.duplicate) p.received++;
    });
    this.byResolved.visit(from, to, this.n, (i) => {
      if (!match(i)) return;
      const p = point(this.resolvedAt[i]!);
      p.resolved++;
      if (this.resolvedAt[i]! <= this.dueAt[i]!) p.resolvedOnTime++;
    });
    return [...points.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  backlog(at: number, f: OverviewFilters): BacklogRow {
    const match = this.matcher(f);
    // Open at `at`: a span opened before it and closed at or after it (a change at `at` comes after).
    const ages = match ? this.openAt(at, match).map((i) => at - this.createdAt[i]!) : [];
    const bands = { under1d: 0, d1to3: 0, d3to7: 0, over7d: 0 };
    let oldest: number | null = null;
    for (const age of ages) {
      if (age < DAY) bands.under1d++;
      else if (age < 3 * DAY) bands.d1to3++;
      else if (age < 7 * DAY) bands.d3to7++;
      else bands.over7d++;
      if (oldest === null || age > oldest) oldest = age;
    }
    const { p50, p90 } = ages.length ? medianAndP90(Float64Array.from(ages)) : { p50: null, p90: null };
    return { open: ages.length, p50, p90, oldest, ...bands };
  }

  unitNames(): Map<number, string> {
    return this.repo.unitNames();
  }

  /**
   * The reports behind a figure (the definitions of `DrilldownRepository`'s figureSql): how many, and
   * the ids of ranks [offset, offset + limit) newest first by the figure's own time (receipt for the
   * backlog), ties by id, newest first. Counting and paging a year of a million-report city here takes
   * milliseconds where the SQL took up to half a second with a filter.
   */
  figurePage(
    figure: StatsFigure,
    from: number,
    to: number,
    f: StatsFilters,
    offset: number,
    limit: number,
  ): { total: number; ids: number[] } {
    const match = this.matcher(f);
    if (!match) return { total: 0, ids: [] };
    const created = (keep: (i: number) => boolean) =>
      sortedMatches(
        this.byCreated,
        (i) => this.createdAt[i]!,
        from,
        to,
        this.n,
        (i) => keep(i) && match(i),
      );
    const resolved = (keep: (i: number) => boolean) =>
      sortedMatches(
        this.byResolved,
        (i) => this.resolvedAt[i]!,
        from,
        to,
        this.n,
        (i) => keep(i) && match(i),
      );
    const rated = (keep: (i: number) => boolean) =>
      sortedMatches(
        this.byRated,
        (i) => this.ratedAt[i]!,
        from,
        to,
        this.n,
        (i) => keep(i) && match(i),
      );
    let list: number[];
    switch (figure) {
      case 'received':
        list = created((i) => this.status[i] !== this.duplicate);
        break;
      case 'rejected':
        list = created((i) => this.status[i] === this.rejected);
        break;
      case 'duplicates':
        list = created((i) => this.status[i] === this.duplicate);
        break;
      case 'resolved':
        list = resolved(() => true);
        break;
      case 'onTime':
        list = resolved((i) => this.resolvedAt[i]! <= this.dueAt[i]!);
        break;
      case 'late':
        list = resolved((i) => this.resolvedAt[i]! > this.dueAt[i]!);
        break;
      case 'rated':
        list = rated(() => true);
        break;
      case 'unsatisfied':
        list = rated((i) => this.rating[i]! <= 3);
        break;
      case 'backlog':
        list = this.openAt(to, match).sort((a, b) => this.createdAt[a]! - this.createdAt[b]! || a - b);
        break;
    }
    const total = list.length;
    const ids: number[] = [];
    for (let r = offset; r < Math.min(total, offset + limit); r++) ids.push(this.id[list[total - 1 - r]!]!);
    return { total, ids };
  }

  /** The reports open at `at` that match (see `backlog`). */
  private openAt(at: number, match: (i: number) => boolean): number[] {
    const out: number[] = [];
    const visit = (s: number) => {
      const i = this.spanReport[s]!;
      if (this.spanOpened[s]! < at && match(i)) out.push(i);
    };
    this.byClosed.visit(at, Number.POSITIVE_INFINITY, this.spans, visit);
    for (const s of this.openSpans) visit(s);
    return out;
  }

  /**
   * Reports received in [from, to) (merged duplicates excluded) per cell of the finest heat-map grid,
   * y = floor(lat * steps), x = floor(lng * steps), and how many have no point yet (as the SQL of
   * `DrilldownRepository.heatmap`).
   */
  heatmap(from: number, to: number, f: StatsFilters): { cells: GridCount[]; unlocated: number } {
    const match = this.matcher(f);
    const cells = new Map<number, GridCount>();
    let unlocated = 0;
    if (match) {
      this.byCreated.visit(from, to, this.n, (i) => {
        if (this.status[i] === this.duplicate || !match(i)) return;
        const lat = this.lat[i]!;
        if (Number.isNaN(lat)) {
          unlocated++;
          return;
        }
        const y = Math.floor(lat * HEAT_STEPS_PER_DEG);
        const x = Math.floor(this.lng[i]! * HEAT_STEPS_PER_DEG);
        // One number per cell: x spans less than 2^21 steps, so y * 2^21 + x is unique and exact.
        const key = y * 2_097_152 + x;
        const c = cells.get(key);
        if (c) c.n++;
        else cells.set(key, { y, x, n: 1 });
      });
    }
    return { cells: [...cells.values()], unlocated };
  }
}

/** Nearest-rank median and 90th percentile (ranks (n+1) div 2 and (9n+9) div 10, as the SQL). */
function medianAndP90(values: Float64Array): { p50: number; p90: number } {
  const n = values.length;
  const k50 = Math.floor((n + 1) / 2) - 1;
  const k90 = Math.floor((9 * n + 9) / 10) - 1;
  const p50 = selectKth(values, k50);
  // Everything after k50 is at least p50, so the 90th is found among them.
  const p90 = selectKth(values, k90, k50, n - 1);
  return { p50, p90 };
}

/** SQL's ascending order of group keys: null first, then bytewise. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The overview's figures from a model on this connection: loaded on the first question (or `warm`), then brought
 * up to date with the event log before each one (each in one read transaction).
 */
export function modelOverviewSource(
  db: Db,
): OverviewSource & Pick<StatsModel, 'heatmap' | 'figurePage'> & { warm(): number } {
  const inReadTransaction = <T>(fn: () => T): T => db.$client.transaction(fn)();
  let model: StatsModel | undefined;
  const current = (): StatsModel => {
    if (!model) model = StatsModel.load(new StatsModelRepository(db), inReadTransaction);
    else model.sync(inReadTransaction);
    return model;
  };
  return {
    counts: (...a) => current().counts(...a),
    resolveTimes: (...a) => current().resolveTimes(...a),
    trend: (...a) => current().trend(...a),
    backlog: (...a) => current().backlog(...a),
    unitNames: () => current().unitNames(),
    heatmap: (...a) => current().heatmap(...a),
    figurePage: (...a) => current().figurePage(...a),
    /** Loads (or refreshes) the model now; the number of reports it holds. */
    warm: () => current().size,
  };
}

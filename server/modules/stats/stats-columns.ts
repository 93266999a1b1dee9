import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { StatsFilters } from './drilldown.repository';
import type { Dimension } from './overview.repository';
import type { ModelEventRow, ModelReportRow, StatsModelRepository } from './stats-model.repository';
import { grow, TimeOrder } from './time-order';

const OPEN = new Set<string>(OPEN_STATUSES);
const NO_UNIT = -1;
const SYNC_BATCH = 20_000;

/** Strings stored once, referred to by a small number. */
class Dictionary {
  readonly values: (string | null)[] = [];
  private readonly ids = new Map<string | null, number>();

  id(value: string | null): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The id of a value, or -1 when it never occurred. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

/**
 * The statistics model's storage: the few columns of every report the leaders' figures read, in typed
 * arrays (strings as dictionary numbers), orders by receipt, resolution and rating time, and every
 * report's open spans (its receipt, then each reopening, to the next resolve, reject or merge), kept
 * current by replaying the event log (`sync`). `StatsModel` asks its questions of it.
 */
export class StatsColumns {
  protected n = 0;
  protected id = new Int32Array(0);
  protected createdAt = new Float64Array(0);
  protected resolvedAt = new Float64Array(0);
  protected dueAt = new Float64Array(0);
  protected ratedAt = new Float64Array(0);
  protected rating = new Uint8Array(0);
  protected status = new Uint8Array(0);
  protected unit = new Int32Array(0);
  protected area = new Int32Array(0);
  protected category = new Int32Array(0);
  protected channel = new Int32Array(0);
  protected lat = new Float64Array(0);
  protected lng = new Float64Array(0);
  protected openSpan = new Int32Array(0);
  protected readonly statuses = new Dictionary();
  protected readonly areas = new Dictionary();
  protected readonly areaNames: (string | null)[] = [];
  protected readonly categories = new Dictionary();
  protected readonly channels = new Dictionary();
  protected readonly byCreated = new TimeOrder((i) => this.createdAt[i]!);
  protected readonly byResolved = new TimeOrder((i) => this.resolvedAt[i]!);
  protected readonly byRated = new TimeOrder((i) => this.ratedAt[i]!);

  // Open spans: [opened, closed) per report, a report's first opening being its receipt.
  protected spans = 0;
  protected spanReport = new Int32Array(0);
  protected spanOpened = new Float64Array(0);
  protected spanClosed = new Float64Array(0);
  /** Closed spans by closing time; the open ones apart (a closing is then an append). */
  protected readonly byClosed = new TimeOrder((s) => this.spanClosed[s]!);
  protected readonly openSpans = new Set<number>();
  protected loading = true;

  protected lastEventId = 0;
  protected readonly duplicate: number;
  protected readonly rejected: number;

  protected constructor(protected readonly repo: StatsModelRepository) {
    this.duplicate = this.statuses.id('duplicate');
    this.rejected = this.statuses.id('rejected');
  }

  /** Loads every report and its openings and closings, in one read transaction (a consistent snapshot). */
  protected fill(inReadTransaction: <T>(fn: () => T) => T): void {
    inReadTransaction(() => {
      this.lastEventId = this.repo.lastEventId();
      for (const row of this.repo.allReports()) this.put(row);
      for (const e of this.repo.openingsAndClosings(this.lastEventId)) this.replay(e);
    });
    this.byCreated.rebuild(this.n);
    this.byResolved.rebuild(this.n);
    this.byRated.rebuild(this.n);
    this.byClosed.rebuild(this.spans);
    this.loading = false;
  }

  /** How many reports the model holds. */
  get size(): number {
    return this.n;
  }

  /** Applies the events written since the last call (and re-reads the reports they changed). */
  sync(inReadTransaction: <T>(fn: () => T) => T): void {
    inReadTransaction(() => {
      for (;;) {
        const events = this.repo.eventsAfter(this.lastEventId, SYNC_BATCH);
        if (!events.length) return;
        // Rows first (a new report opens its first span at its receipt), then the status changes in order.
        const ids = [...new Set(events.map((e) => e[1]))].sort((a, b) => a - b);
        for (const row of this.repo.reportsById(ids)) this.put(row);
        for (const e of events) this.replay(e);
        this.lastEventId = events[events.length - 1]![0];
        if (events.length < SYNC_BATCH) return;
      }
    });
  }

  /** Adds a report, or updates its columns from its current row. */
  protected put(row: ModelReportRow): void {
    const [
      id,
      createdAt,
      resolvedAt,
      dueAt,
      ratedAt,
      rating,
      status,
      unitId,
      areaCode,
      areaName,
      category,
      channel,
      lat,
      lng,
    ] = row;
    let i = this.indexOf(id);
    const isNew = i < 0;
    const resolvedBefore = isNew ? Number.NaN : this.resolvedAt[i]!;
    const ratedBefore = isNew ? Number.NaN : this.ratedAt[i]!;
    if (isNew) {
      if (this.n === this.id.length) this.growReports();
      i = this.n++;
      this.id[i] = id;
      this.createdAt[i] = createdAt;
      this.openSpan[i] = -1;
      this.openSpanAt(i, createdAt);
    }
    this.resolvedAt[i] = resolvedAt ?? Number.NaN;
    this.ratedAt[i] = ratedAt ?? Number.NaN;
    if (!this.loading) {
      if (isNew) this.byCreated.changed(i, Number.NaN);
      this.byResolved.changed(i, resolvedBefore);
      this.byRated.changed(i, ratedBefore);
    }
    this.dueAt[i] = dueAt;
    this.rating[i] = rating ?? 0;
    this.status[i] = this.statuses.id(status);
    this.unit[i] = unitId ?? NO_UNIT;
    const a = this.areas.id(areaCode);
    this.area[i] = a;
    // The area's name as the SQL's max(area_name) would give it.
    const known = this.areaNames[a];
    if (known === undefined || (areaName !== null && (known === null || areaName > known)))
      this.areaNames[a] = areaName;
    this.category[i] = this.categories.id(category);
    this.channel[i] = this.channels.id(channel);
    this.lat[i] = lat ?? Number.NaN;
    this.lng[i] = lng ?? Number.NaN;
  }

  /** A status change between open and closed opens or closes the report's current span. */
  protected replay([, reportId, at, from, to]: ModelEventRow): void {
    if (from === null || to === null) return;
    const wasOpen = OPEN.has(from);
    if (wasOpen === OPEN.has(to)) return;
    const i = this.indexOf(reportId);
    if (i < 0) return;
    if (wasOpen) {
      const s = this.openSpan[i]!;
      if (s < 0) return;
      this.spanClosed[s] = at;
      this.openSpan[i] = -1;
      this.openSpans.delete(s);
      if (!this.loading) this.byClosed.changed(s, Number.NaN);
    } else if (this.openSpan[i]! < 0) {
      this.openSpanAt(i, at);
    }
  }

  protected openSpanAt(i: number, at: number): void {
    if (this.spans === this.spanReport.length) {
      this.spanReport = grow(this.spanReport);
      this.spanOpened = grow(this.spanOpened);
      this.spanClosed = grow(this.spanClosed);
    }
    const s = this.spans++;
    this.spanReport[s] = i;
    this.spanOpened[s] = at;
    this.spanClosed[s] = Number.NaN;
    this.openSpan[i] = s;
    this.openSpans.add(s);
  }

  /** The position of a report id (ids are appended in ascending order), or -1. */
  protected indexOf(id: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.id[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  protected growReports(): void {
    this.id = grow(this.id);
    this.createdAt = grow(this.createdAt);
    this.resolvedAt = grow(this.resolvedAt);
    this.dueAt = grow(this.dueAt);
    this.ratedAt = grow(this.ratedAt);
    this.rating = grow(this.rating);
    this.status = grow(this.status);
    this.unit = grow(this.unit);
    this.area = grow(this.area);
    this.category = grow(this.category);
    this.channel = grow(this.channel);
    this.lat = grow(this.lat);
    this.lng = grow(this.lng);
    this.openSpan = grow(this.openSpan);
  }

  /** The filter as a test on a report index, or null when it can match nothing. */
  protected matcher(f: StatsFilters): ((i: number) => boolean) | null {
    const unit = f.unitId;
    const area = f.areaCode === undefined ? undefined : this.areas.find(f.areaCode);
    const category = f.categoryCode === undefined ? undefined : this.categories.find(f.categoryCode);
    const channel = f.channel === undefined ? undefined : this.channels.find(f.channel);
    if (area === -1 || category === -1 || channel === -1) return null;
    const box = f.bbox;
    if (unit === undefined && area === undefined && category === undefined && channel === undefined && !box)
      return () => true;
    return (i) =>
      (unit === undefined || this.unit[i] === unit) &&
      (area === undefined || this.area[i] === area) &&
      (category === undefined || this.category[i] === category) &&
      (channel === undefined || this.channel[i] === channel) &&
      // A box takes its min edges and leaves its max ones; a report without a point (NaN) is in none.
      (box === undefined ||
        (this.lat[i]! >= box.minLat &&
          this.lat[i]! < box.maxLat &&
          this.lng[i]! >= box.minLng &&
          this.lng[i]! < box.maxLng));
  }

  /** The group a report falls in for a dimension (a number), and the group's key and name. */
  protected grouping(dim: Dimension) {
    switch (dim) {
      case 'none':
        return { of: () => 0, key: () => null, name: () => null };
      case 'unit':
        return {
          of: (i: number) => this.unit[i]!,
          key: (g: number) => (g === NO_UNIT ? null : String(g)),
          name: () => null,
        };
      case 'area':
        return {
          of: (i: number) => this.area[i]!,
          key: (g: number) => this.areas.values[g]!,
          name: (g: number) => this.areaNames[g] ?? null,
        };
      case 'category':
        return {
          of: (i: number) => this.category[i]!,
          key: (g: number) => this.categories.values[g]!,
          name: () => null,
        };
      case 'channel':
        return { of: (i: number) => this.channel[i]!, key: (g: number) => this.channels.values[g]!, name: () => null };
    }
  }
}

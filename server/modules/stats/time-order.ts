/**
 * Items (report or span indexes) sorted by a time, for range scans that touch only the items of a
 * period. A new time at or after the last one is appended (the common case: things happen now);
 * any other change marks the item dirty: skipped in the sorted run and checked on its own. Past a
 * threshold of dirty items the order is rebuilt (one typed-array sort).
 */
export class TimeOrder {
  private order = new Int32Array(1024);
  private times = new Float64Array(1024);
  private length = 0;
  private dirtyFlag = new Uint8Array(1024);
  private dirtyList: number[] = [];

  /** `timeOf(i)` is the item's current time, NaN when it has none (not indexed). */
  constructor(private readonly timeOf: (i: number) => number) {}

  /** Item `i`'s time went from `before` (NaN: none) to its current one. */
  changed(i: number, before: number): void {
    const now = this.timeOf(i);
    if (Object.is(before, now)) return;
    if (i >= this.dirtyFlag.length) this.dirtyFlag = grow(this.dirtyFlag, i + 1);
    if (this.dirtyFlag[i]) return;
    const last = this.length ? this.times[this.length - 1]! : Number.NEGATIVE_INFINITY;
    if (Number.isNaN(before) && !Number.isNaN(now) && now >= last) {
      if (this.length === this.order.length) {
        this.order = grow(this.order, this.length + 1);
        this.times = grow(this.times, this.length + 1);
      }
      this.order[this.length] = i;
      this.times[this.length++] = now;
      return;
    }
    this.dirtyFlag[i] = 1;
    this.dirtyList.push(i);
  }

  /** Sorts the items 0..count-1 that have a time. */
  rebuild(count: number): void {
    const all = new Float64Array(count);
    let n = 0;
    for (let i = 0; i < count; i++) {
      all[i] = this.timeOf(i);
      if (!Number.isNaN(all[i]!)) n++;
    }
    const order = new Int32Array(Math.max(1024, n));
    for (let i = 0, k = 0; i < count; i++) if (!Number.isNaN(all[i]!)) order[k++] = i;
    // By time, ties by index (deterministic); ids mostly follow time, so the input is nearly sorted.
    order.subarray(0, n).sort((a, b) => all[a]! - all[b]! || a - b);
    const times = new Float64Array(order.length);
    for (let k = 0; k < n; k++) times[k] = all[order[k]!]!;
    this.order = order;
    this.times = times;
    this.length = n;
    this.dirtyFlag = new Uint8Array(Math.max(1024, count));
    this.dirtyList = [];
  }

  /** Calls `fn` with every item whose current time is in [from, to) (`to` = Infinity takes all after `from`). */
  visit(from: number, to: number, count: number, fn: (i: number) => void): void {
    this.visitParts(from, to, count, fn);
  }

  /**
   * The same, telling which items come from the sorted run (in ascending time, then index) and which
   * are dirty (after the run, in no order).
   */
  visitParts(from: number, to: number, count: number, fn: (i: number, dirty: boolean) => void): void {
    if (this.dirtyList.length > Math.max(20_000, count / 20)) this.rebuild(count);
    const { order, times, length, dirtyFlag, dirtyList } = this;
    if (dirtyList.length === 0) {
      for (let k = lowerBound(times, length, from); k < length && times[k]! < to; k++) fn(order[k]!, false);
      return;
    }
    for (let k = lowerBound(times, length, from); k < length && times[k]! < to; k++) {
      const i = order[k]!;
      if (!dirtyFlag[i]) fn(i, false);
    }
    for (const i of dirtyList) {
      const t = this.timeOf(i);
      if (t >= from && t < to) fn(i, true);
    }
  }
}

/** A typed array of at least `min` (and twice the old) length with the same contents. */
export function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, min = 0): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(1024, a.length * 2, min));
  b.set(a);
  return b;
}

/**
 * The items in [from, to) that pass `keep`, in ascending (time, index) order: the sorted run as it
 * stands, merged with the dirty items (sorted apart; there are few).
 */
export function sortedMatches(
  order: TimeOrder,
  timeOf: (i: number) => number,
  from: number,
  to: number,
  count: number,
  keep: (i: number) => boolean,
): number[] {
  const run: number[] = [];
  const loose: number[] = [];
  order.visitParts(from, to, count, (i, dirty) => {
    if (keep(i)) (dirty ? loose : run).push(i);
  });
  if (!loose.length) return run;
  loose.sort((a, b) => timeOf(a) - timeOf(b) || a - b);
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < run.length || y < loose.length) {
    const a = run[x];
    const b = loose[y];
    const takeRun = b === undefined || (a !== undefined && (timeOf(a) - timeOf(b) || a - b) < 0);
    out.push(takeRun ? run[x++]! : loose[y++]!);
  }
  return out;
}

/** First position whose value is >= x in an ascending array. */
function lowerBound(a: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Puts the k-th smallest (0-based) of a[lo..hi] at position k, smaller ones before it and larger after
 * (Hoare's selection: linear on average, where sorting to read two percentiles would be n log n).
 */
export function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    // Median of three as the pivot keeps sorted and reversed input linear.
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

import type { Compared, StatsBucket } from '../../shared/schemas/stats';

const DAY = 86_400_000;

/**
 * Nearest-rank percentile: the 1-based rank of the value that at least `p` of the values are at or
 * below, i.e. ceil(p * n) (at least 1). For p = 0.5 that is (n + 1) div 2, the lower middle of an
 * even count; for p = 0.9, (9n + 9) div 10. The SQL in the overview repository computes the same ranks.
 */
export function nearestRank(n: number, p: number): number {
  // The epsilon keeps 0.9 * 10 (8.999...) from rounding up to 10.
  return Math.max(1, Math.ceil(p * n - 1e-9));
}

/** The nearest-rank percentile of values sorted ascending, or null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  return sorted.length === 0 ? null : sorted[nearestRank(sorted.length, p) - 1]!;
}

/** part / whole, or null when whole is 0 (no sample: no rate, rather than a misleading 0 %). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A figure with the previous period's: delta = value - previous, null when either is unknown. */
export function compare<T extends number | null>(value: T, previous: T): Compared<T> {
  return { value, previous, delta: value === null || previous === null ? null : value - previous };
}

/** The local date (YYYY-MM-DD) an instant falls on, in a zone `offsetMinutes` east of UTC. */
const localDay = (epochMs: number, offsetMinutes: number): string =>
  new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);

/** First local day of the bucket holding an instant: the day itself, the week's Monday, or the month's 1st. */
export function bucketStart(epochMs: number, bucket: StatsBucket, offsetMinutes: number): string {
  const day = localDay(epochMs, offsetMinutes);
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 8)}01`;
  const d = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY).toISOString().slice(0, 10);
}

/** Every bucket start touched by [from, to), in order (so a chart shows empty buckets as zero). */
export function bucketStarts(from: number, to: number, bucket: StatsBucket, offsetMinutes: number): string[] {
  const out: string[] = [];
  if (to <= from) return out;
  const last = bucketStart(to - 1, bucket, offsetMinutes);
  let day = bucketStart(from, bucket, offsetMinutes);
  for (;;) {
    out.push(day);
    if (day >= last) return out;
    const d = new Date(`${day}T00:00:00Z`);
    if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    day = d.toISOString().slice(0, 10);
  }
}

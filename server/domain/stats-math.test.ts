import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, compare, nearestRank, percentile, rate } from './stats-math';

const VN = 7 * 60;

describe('nearest-rank percentiles', () => {
  it('takes the middle value of an odd count and the lower middle of an even count', () => {
    expect(percentile([10, 20, 30, 40, 50], 0.5)).toBe(30); // rank ceil(2.5) = 3
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20); // rank ceil(2) = 2: a real value, not 25
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('takes the value at rank ceil(0.9 n) for the 90th percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9); // rank 9
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10); // rank ceil(9.9) = 10
    expect(percentile([5, 8], 0.9)).toBe(8);
  });

  it('gives the same ranks as the SQL: (n + 1) div 2 and (9n + 9) div 10', () => {
    for (let n = 1; n <= 1000; n++) {
      expect(nearestRank(n, 0.5)).toBe(Math.floor((n + 1) / 2));
      expect(nearestRank(n, 0.9)).toBe(Math.floor((9 * n + 9) / 10));
    }
  });
});

describe('rates and comparisons', () => {
  it('has no rate without a sample rather than 0 %', () => {
    expect(rate(3, 5)).toBe(0.6);
    expect(rate(0, 0)).toBeNull();
  });

  it('gives the change from the previous period, or none when either side is unknown', () => {
    expect(compare(8, 3)).toEqual({ value: 8, previous: 3, delta: 5 });
    expect(compare<number | null>(0.6, null)).toEqual({ value: 0.6, previous: null, delta: null });
  });
});

describe('trend buckets in the city time zone', () => {
  it('puts an instant on its local day, its week (Monday first) and its month', () => {
    const friMidnight = Date.parse('2026-11-20T00:00:00+07:00'); // still Thursday the 19th in UTC
    expect(bucketStart(friMidnight, 'day', VN)).toBe('2026-11-20');
    expect(bucketStart(friMidnight, 'week', VN)).toBe('2026-11-16');
    expect(bucketStart(Date.parse('2026-11-22T23:59:00+07:00'), 'week', VN)).toBe('2026-11-16'); // Sunday
    expect(bucketStart(Date.parse('2026-11-23T00:00:00+07:00'), 'week', VN)).toBe('2026-11-23'); // Monday
    expect(bucketStart(Date.parse('2026-12-01T06:00:00+07:00'), 'month', VN)).toBe('2026-12-01');
  });

  it('lists every bucket touched by [from, to), empty ones included', () => {
    const from = Date.parse('2026-11-09T00:00:00+07:00');
    const to = Date.parse('2026-11-23T00:00:00+07:00');
    expect(bucketStarts(from, to, 'week', VN)).toEqual(['2026-11-09', '2026-11-16']);
    expect(bucketStarts(from, to, 'day', VN)).toHaveLength(14);
    expect(
      bucketStarts(Date.parse('2026-11-20T00:00:00+07:00'), Date.parse('2027-01-02T00:00:00+07:00'), 'month', VN),
    ).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });
});

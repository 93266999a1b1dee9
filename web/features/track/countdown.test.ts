import { describe, expect, it } from 'vitest';
import { formatCountdown } from './countdown';

const now = Date.parse('2025-11-27T00:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('the deadline countdown', () => {
  it.each([
    [DAY + 3 * HOUR, 'còn 1 ngày 3 giờ', '1 day 3 hours left'],
    [2 * DAY, 'còn 2 ngày', '2 days left'],
    [5 * HOUR + 20 * MIN, 'còn 5 giờ 20 phút', '5 hours 20 minutes left'],
    [HOUR + MIN, 'còn 1 giờ 1 phút', '1 hour 1 minute left'],
    [45 * MIN + 30_000, 'còn 45 phút', '45 minutes left'],
    [10_000, 'còn 1 phút', '1 minute left'],
  ])('says how long is left (%i ms)', (ms, vi, en) => {
    expect(formatCountdown(at(ms), now, 'vi')).toBe(vi);
    expect(formatCountdown(at(ms), now, 'en')).toBe(en);
  });

  it.each([
    [-2 * HOUR, 'quá hạn 2 giờ', '2 hours overdue'],
    [-(3 * DAY + HOUR), 'quá hạn 3 ngày 1 giờ', '3 days 1 hour overdue'],
    [-30 * MIN, 'quá hạn 30 phút', '30 minutes overdue'],
  ])('says how late an overdue report is (%i ms)', (ms, vi, en) => {
    expect(formatCountdown(at(ms), now, 'vi')).toBe(vi);
    expect(formatCountdown(at(ms), now, 'en')).toBe(en);
  });
});

import { describe, expect, it } from 'vitest';
import { computeDueAt, DEFAULT_CALENDAR } from './working-time';

const vn = (s: string) => Date.parse(`${s}+07:00`);
const cal = { ...DEFAULT_CALENDAR, holidays: ['2027-02-05', '2027-02-08'] };

describe('computeDueAt', () => {
  it.each([
    [
      'a Monday-morning report with 3 working days is due Thursday morning',
      '2026-11-23T09:00:00',
      3,
      '2026-11-26T09:00:00',
    ],
    ['a Friday report with 1 working day is due Monday', '2026-11-27T15:00:00', 1, '2026-11-30T15:00:00'],
    ['a Thursday report with 3 working days skips the weekend', '2026-11-26T10:00:00', 3, '2026-12-01T10:00:00'],
    ['a Saturday report starts counting at 07:30 on Monday', '2026-11-28T22:00:00', 1, '2026-12-01T07:30:00'],
    ['a report before a holiday skips it (Tết)', '2027-02-04T09:00:00', 1, '2027-02-09T09:00:00'],
  ])('%s', (_, start, days, due) => {
    expect(computeDueAt(vn(start), { value: days, unit: 'working_days' }, cal)).toBe(vn(due));
  });

  it('counts hours around the clock, weekends included', () => {
    expect(computeDueAt(vn('2026-11-28T22:00:00'), { value: 4, unit: 'hours' }, cal)).toBe(vn('2026-11-29T02:00:00'));
  });
});

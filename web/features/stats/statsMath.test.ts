import { describe, expect, it } from 'vitest';
import { chartCodes, daysBetween, formatRate, pivotPerDay, rangeFor, rate } from './statsMath';

describe('leaders statistics', () => {
  it('shows every day of the range, with zeros on days without reports', () => {
    const rows = pivotPerDay(
      {
        from: '2025-11-01T00:00:00+07:00',
        to: '2025-11-04T12:00:00+07:00',
        perDay: [
          { date: '2025-11-01', categoryCode: 'street_lighting', count: 3 },
          { date: '2025-11-03', categoryCode: 'trees', count: 2 },
          { date: '2025-11-03', categoryCode: 'street_lighting', count: 1 },
        ],
      },
      ['street_lighting', 'trees'],
    );
    expect(rows.map((r) => r.date)).toEqual(['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04']);
    expect(rows[1]).toEqual({ date: '2025-11-02', street_lighting: 0, trees: 0 });
    expect(rows[2]).toEqual({ date: '2025-11-03', street_lighting: 1, trees: 2 });
  });

  it('counts days in the city time zone (UTC+7), not in UTC', () => {
    // 18:00 UTC on 31 October is already 1 November in Tuy Hòa.
    expect(daysBetween('2025-10-31T18:00:00Z', '2025-11-01T10:00:00Z')).toEqual(['2025-11-01']);
  });

  it('shows "—" instead of a rate when nothing was resolved', () => {
    expect(formatRate(null, 'vi')).toBe('—');
    expect(rate(0, 0)).toBeNull();
    expect(formatRate(rate(87, 100), 'en')).toBe('87%');
    expect(formatRate(0.5, 'vi')).toBe('50 %');
  });

  it('keeps the category list order and adds categories it does not know', () => {
    const perDay = [
      { date: '2025-11-01', categoryCode: 'zzz_new', count: 1 },
      { date: '2025-11-01', categoryCode: 'trees', count: 1 },
      { date: '2025-11-01', categoryCode: 'street_lighting', count: 1 },
    ];
    expect(chartCodes(perDay, ['street_lighting', 'traffic', 'trees'])).toEqual([
      'street_lighting',
      'trees',
      'zzz_new',
    ]);
  });

  it('asks for the last N days up to now', () => {
    const now = Date.parse('2025-11-30T00:00:00Z');
    expect(rangeFor(7, now)).toEqual({ from: '2025-11-23T00:00:00.000Z', to: '2025-11-30T00:00:00.000Z' });
  });
});

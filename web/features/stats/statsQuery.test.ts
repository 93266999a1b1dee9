import { describe, expect, it } from 'vitest';
import {
  cellBbox,
  defaultBucket,
  drillFilters,
  monthPeriod,
  parseView,
  periodParams,
  resolvePeriod,
  rowFilter,
  viewToParams,
} from './statsQuery';

// 3 December 2026, 09:30 in Tuy Hòa (02:30 UTC).
const NOW = Date.parse('2026-12-03T02:30:00Z');

describe('the statistics address', () => {
  it('reads and writes back every part of a view', () => {
    const url =
      'period=custom&from=2026-11-01&to=2026-11-15&bucket=week&unitId=3&areaCode=tuy-hoa&categoryCode=street_lighting' +
      '&channel=hotline&by=area&drill=late&drillUnitId=5&drillPage=2';
    const view = parseView(new URLSearchParams(url));
    expect(view).toEqual({
      period: 'custom',
      fromDay: '2026-11-01',
      toDay: '2026-11-15',
      bucket: 'week',
      filters: { unitId: 3, areaCode: 'tuy-hoa', categoryCode: 'street_lighting', channel: 'hotline' },
      by: 'area',
      drill: { figure: 'late', unitId: 5, page: 2 },
    });
    expect(parseView(viewToParams(view))).toEqual(view);
    expect(viewToParams(view).toString()).toBe(new URLSearchParams(url).toString());
  });

  it('keeps the plain address plain and ignores what it cannot read', () => {
    expect(viewToParams(parseView(new URLSearchParams(''))).toString()).toBe('');
    const view = parseView(new URLSearchParams('period=forever&unitId=x&channel=fax&drill=everything&bucket=hour'));
    expect(view).toEqual({ period: '30d', filters: {}, by: 'unit', drill: null });
    // A custom period without readable dates is the default one.
    expect(parseView(new URLSearchParams('period=custom&from=2026-02-30&to=2026-03-01')).period).toBe('30d');
  });

  it('turns presets into whole local days (UTC+7) ending today', () => {
    expect(resolvePeriod({ period: '7d' }, NOW)).toEqual({
      from: '2026-11-26T17:00:00.000Z',
      to: '2026-12-03T17:00:00.000Z',
      fromDay: '2026-11-27',
      toDay: '2026-12-03',
      days: 7,
      bucket: 'day',
    });
    expect(resolvePeriod({ period: 'lastMonth' }, NOW)).toMatchObject({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-30T17:00:00.000Z',
      days: 30,
    });
    expect(resolvePeriod({ period: 'year' }, NOW)).toMatchObject({ from: '2025-12-31T17:00:00.000Z', bucket: 'month' });
    expect(resolvePeriod({ period: '90d' }, NOW).bucket).toBe('week');
    expect(resolvePeriod({ period: '90d', bucket: 'day' }, NOW).bucket).toBe('day');
    // 23:30 UTC on 2 December is already 3 December in the city.
    expect(resolvePeriod({ period: '7d' }, Date.parse('2026-12-02T23:30:00Z')).toDay).toBe('2026-12-03');
  });

  it('runs a custom period from the start of its first day to the end of its last', () => {
    expect(resolvePeriod({ period: 'custom', fromDay: '2026-11-01', toDay: '2026-11-30' }, NOW)).toMatchObject({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-30T17:00:00.000Z',
      days: 30,
    });
    expect(defaultBucket(31)).toBe('day');
    expect(defaultBucket(365)).toBe('month');
  });

  it('gives a calendar month in the city: 2026-11 runs from 31 Oct 17:00 UTC to 30 Nov 17:00 UTC', () => {
    expect(monthPeriod('2026-11')).toEqual({
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-30T17:00:00.000Z',
      fromDay: '2026-11-01',
      toDay: '2026-11-30',
    });
    expect(monthPeriod('2026-12').to).toBe('2026-12-31T17:00:00.000Z');
  });

  it('narrows a drill-down by its row without touching the page filters', () => {
    const filters = { categoryCode: 'flooding' };
    expect(drillFilters(filters, { figure: 'late', unitId: 4, page: 1 })).toEqual({
      categoryCode: 'flooding',
      unitId: 4,
    });
    expect(rowFilter('unit', '4')).toEqual({ unitId: 4 });
    expect(rowFilter('unit', null)).toBeNull();
    expect(rowFilter('channel', 'hotline')).toEqual({ channel: 'hotline' });
    expect(periodParams({ from: 'a', to: 'b' }, { unitId: 4 }).toString()).toBe('from=a&to=b&unitId=4');
    expect(cellBbox(13.09, 109.3, 0.005)).toBe('109.3,13.09,109.305,13.095');
  });
});

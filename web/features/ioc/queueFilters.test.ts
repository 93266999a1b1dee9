import { describe, expect, it } from 'vitest';
import { staffReport } from '../../test/factories';
import { activeFilters, filtersFromSearch, matchesFilters, NO_FILTERS, searchFromFilters } from './queueFilters';

describe('queue filters in the page address', () => {
  it('reads every filter from the address', () => {
    const f = filtersFromSearch(
      new URLSearchParams('category=trees&area=phuong-tuy-hoa&unit=4&status=reopened&channel=hotline&q=đèn'),
    );
    expect(f).toEqual({
      category: 'trees',
      area: 'phuong-tuy-hoa',
      unit: 4,
      status: 'reopened',
      channel: 'hotline',
      q: 'đèn',
    });
  });

  it('writes back the same filters, leaving out the empty ones and keeping other parameters', () => {
    const f = { ...NO_FILTERS, category: 'trees', channel: 'walk_in' as const, q: 'cây đổ' };
    const params = searchFromFilters(f, new URLSearchParams('lang=en&unit=3'));
    expect(params.toString()).toBe('lang=en&category=trees&channel=walk_in&q=c%C3%A2y+%C4%91%E1%BB%95');
    expect(filtersFromSearch(params)).toEqual(f);
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
  });

  it('ignores what it cannot read', () => {
    const f = filtersFromSearch(new URLSearchParams('unit=abc&status=closed&channel=fax&category=<script>'));
    expect(f).toEqual(NO_FILTERS);
  });

  it('counts the filters that narrow the queue', () => {
    expect(activeFilters(NO_FILTERS)).toBe(0);
    expect(activeFilters({ ...NO_FILTERS, unit: 2, q: '  ' })).toBe(1);
  });

  it('keeps the reports that pass every filter', () => {
    const r = staffReport(1, {
      channel: 'hotline',
      unit: { id: 4, name: 'Điện lực' },
      address: '12 Trần Hưng Đạo',
    });
    expect(matchesFilters(r, NO_FILTERS)).toBe(true);
    expect(matchesFilters(r, { ...NO_FILTERS, channel: 'hotline', unit: 4, area: 'tuy-hoa' })).toBe(true);
    expect(matchesFilters(r, { ...NO_FILTERS, channel: 'web' })).toBe(false);
    expect(matchesFilters(r, { ...NO_FILTERS, category: 'trees' })).toBe(false);
    expect(matchesFilters(r, { ...NO_FILTERS, status: 'assigned' })).toBe(false);
    expect(matchesFilters(r, { ...NO_FILTERS, q: 'tran hung dao' })).toBe(true);
    expect(matchesFilters(r, { ...NO_FILTERS, q: '000001' })).toBe(true);
  });
});

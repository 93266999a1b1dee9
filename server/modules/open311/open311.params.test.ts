import { describe, expect, it } from 'vitest';
import { dateParam, list, param, requestFilters } from './open311.params';
import { wardNamedIn } from './open311.service';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const DAY = 86_400_000;

describe('Open311 parameters', () => {
  it('reads an empty or blank parameter as absent, a repeated one as a comma list', () => {
    expect(param({ a: '' }, 'a')).toBeUndefined();
    expect(param({ a: '  ' }, 'a')).toBeUndefined();
    expect(param({ a: ['x', '', 'y'] }, 'a')).toBe('x,y');
    expect(list({ a: 'x, y,,z' }, 'a')).toEqual(['x', 'y', 'z']);
    expect(list({ a: ',' }, 'a')).toBeUndefined();
  });

  it('takes ISO 8601 times in any timezone and only with one', () => {
    const at = Date.parse('2026-11-23T02:00:00Z');
    for (const v of [
      '2026-11-23T02:00:00Z',
      '2026-11-23T09:00:00+07:00',
      '2026-11-23T09:00+0700',
      '2026-11-22T21:00:00.000-05:00',
    ])
      expect(dateParam({ d: v }, 'd')).toBe(at);
    for (const v of ['2026-11-23', '2026-11-23T02:00:00', 'now', '2026-11-31T00:00:00Z'])
      expect(() => dateParam({ d: v }, 'd'), v).toThrow(/ISO 8601/);
  });

  it('defaults to the last 90 days and 1,000 requests', () => {
    expect(requestFilters({}, NOW)).toMatchObject({
      createdFrom: NOW - 90 * DAY,
      createdTo: undefined,
      limit: 1000,
      offset: 0,
    });
    expect(requestFilters({ page: '3', page_size: '50' }, NOW)).toMatchObject({ limit: 50, offset: 100 });
    expect(requestFilters({ lat: '13', long: '109' }, NOW).near).toEqual({ lat: 13, lng: 109, radiusM: 1000 });
    expect(requestFilters({ status: 'open,closed' }, NOW).status).toBeUndefined();
    expect(requestFilters({ service_request_id: 'a,b', status: 'nonsense' }, NOW)).toEqual({
      ids: ['a', 'b'],
      limit: 1000,
      offset: 0,
    });
  });
});

describe('wardNamedIn', () => {
  const areas = [
    { code: 'p1', nameVi: 'Phường 1', nameEn: 'Ward 1' },
    { code: 'p10', nameVi: 'Phường 10', nameEn: 'Ward 10' },
    { code: 'west', nameVi: 'Phường Tây', nameEn: 'West Ward' },
  ];
  it('finds the one ward an address names, as a whole phrase, in either language', () => {
    expect(wardNamedIn('12 Lê Lợi, Phường 10, Quận 3', areas)).toBe('p10');
    expect(wardNamedIn('12 Lê Lợi, phường 1', areas)).toBe('p1');
    expect(wardNamedIn('5 Main St, west ward', areas)).toBe('west');
    expect(wardNamedIn('5 Trần Phú, PHƯỜNG TÂY', areas)).toBe('west');
  });
  it('answers nothing for no ward or several', () => {
    expect(wardNamedIn('12 Lê Lợi', areas)).toBeUndefined();
    expect(wardNamedIn('Phường 1 và Phường 10', areas)).toBeUndefined();
    expect(wardNamedIn('Phường 100', areas)).toBeUndefined();
    expect(wardNamedIn('Phuong Tay', areas)).toBeUndefined();
  });
});

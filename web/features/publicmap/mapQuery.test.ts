import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  filtersFromSearch,
  searchFromState,
  toggleCategory,
  viewFromSearch,
  type MapFilters,
  type MapView,
} from './mapQuery';

const roundTrip = (filters: MapFilters, view: MapView | null) => {
  const params = new URLSearchParams(searchFromState(filters, view).toString());
  return { filters: filtersFromSearch(params), view: viewFromSearch(params) };
};

describe('the public map address', () => {
  it.each<[MapFilters, MapView | null]>([
    [{ status: 'open', categories: [] }, null],
    [{ status: 'resolved', categories: ['street_lighting'] }, null],
    [
      { status: 'all', categories: ['flooding', 'street_lighting'] },
      { lat: 13.09512, lng: 109.30101, zoom: 15 },
    ],
    [
      { status: 'open', categories: ['potholes'] },
      { lat: 13.1, lng: 109.28, zoom: 12 },
    ],
  ])('gives back the same filters and view it was written from (%o, %o)', (filters, view) => {
    expect(roundTrip(filters, view)).toEqual({ filters, view });
  });

  it('leaves the defaults out, so a bare /map means open reports of every type', () => {
    expect(searchFromState({ status: 'open', categories: [] }, null).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual({ status: 'open', categories: [] });
  });

  it('writes one link per view whatever order the categories were picked in', () => {
    const a = searchFromState({ status: 'all', categories: ['trees', 'flooding'] }, null).toString();
    const b = searchFromState({ status: 'all', categories: ['flooding', 'trees'] }, null).toString();
    expect(a).toBe(b);
    expect(new URLSearchParams(a).get('category')).toBe('flooding,trees');
  });

  it('keeps unrelated parameters and ignores unreadable ones', () => {
    const params = searchFromState({ status: 'resolved', categories: [] }, null, new URLSearchParams('utm=zalo'));
    expect(params.get('utm')).toBe('zalo');
    expect(filtersFromSearch(new URLSearchParams('status=bogus&category=ok,<script>,,ok'))).toEqual({
      status: 'open',
      categories: ['ok'],
    });
    expect(viewFromSearch(new URLSearchParams('lat=200&lng=109&z=13'))).toBeNull();
    expect(viewFromSearch(new URLSearchParams('lat=13.1&lng=109.3'))).toBeNull();
  });

  it('toggles a category on and off', () => {
    const on = toggleCategory({ status: 'open', categories: ['trees'] }, 'flooding');
    expect(on.categories).toEqual(['flooding', 'trees']);
    expect(toggleCategory(on, 'trees').categories).toEqual(['flooding']);
  });

  it('asks the API for the viewport, zoom, categories and status', () => {
    const q = apiQuery({ west: 109.2512345, south: 13.05, east: 109.35, north: 13.14 }, 14.2, {
      status: 'resolved',
      categories: ['flooding', 'street_lighting'],
    });
    expect(q).toBe('bbox=109.25123,13.05,109.35,13.14&zoom=14&category=flooding,street_lighting&status=resolved');
    const all = new URLSearchParams(
      apiQuery({ west: -200, south: -95, east: 200, north: 95 }, 30, { status: 'open', categories: [] }),
    );
    expect(all.get('bbox')).toBe('-180,-90,180,90');
    expect(all.get('zoom')).toBe('22');
    expect(all.has('category')).toBe(false);
    expect(all.get('status')).toBe('open');
  });
});

/** Which reports the public map shows: open ones, those resolved lately, or both. */
export const MAP_STATUSES = ['open', 'resolved', 'all'] as const;
/** One status filter of the public map. */
export type MapStatus = (typeof MAP_STATUSES)[number];

/** The public map's filters, as kept in the page address. */
export interface MapFilters {
  status: MapStatus;
  /** Category codes; empty = every category. */
  categories: string[];
}

/** Where the map looks (kept in the address too, so a shared link opens the same view). */
export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

/** A viewport in degrees. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const isStatus = (v: string | null): v is MapStatus => MAP_STATUSES.includes(v as MapStatus);
const CODE = /^[a-z0-9_-]+$/i;

/** Filters read from the address (`?status=resolved&category=a,b`); anything unreadable falls back to the default. */
export function filtersFromSearch(params: URLSearchParams): MapFilters {
  const status = params.get('status');
  const categories = (params.get('category') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => CODE.test(c));
  return { status: isStatus(status) ? status : 'open', categories: [...new Set(categories)].sort() };
}

/** The view read from the address (`?lat=&lng=&z=`), or null when it has none or a broken one. */
export function viewFromSearch(params: URLSearchParams): MapView | null {
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const zoom = Number(params.get('z'));
  if (!params.has('lat') || !params.has('lng') || !params.has('z')) return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || !Number.isFinite(zoom)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || zoom < 0 || zoom > 22) return null;
  return { lat, lng, zoom: Math.round(zoom) };
}

/**
 * The address query for filters and view: defaults are left out (a bare `/map` means open reports of
 * every category), categories are sorted, so the same view always has the same link. Other
 * parameters of `base` are kept.
 */
export function searchFromState(filters: MapFilters, view: MapView | null, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const k of ['status', 'category', 'lat', 'lng', 'z']) params.delete(k);
  if (filters.status !== 'open') params.set('status', filters.status);
  if (filters.categories.length) params.set('category', [...new Set(filters.categories)].sort().join(','));
  if (view) {
    params.set('lat', view.lat.toFixed(5));
    params.set('lng', view.lng.toFixed(5));
    params.set('z', String(Math.round(view.zoom)));
  }
  return params;
}

const deg = (v: number) => String(Math.round(v * 1e5) / 1e5);

/** The `GET /api/map` query for a viewport, a zoom and the filters (commas left readable). */
export function apiQuery(bounds: Bounds, zoom: number, filters: MapFilters): string {
  const clampLng = (v: number) => Math.max(-180, Math.min(180, v));
  const clampLat = (v: number) => Math.max(-90, Math.min(90, v));
  const bbox = [clampLng(bounds.west), clampLat(bounds.south), clampLng(bounds.east), clampLat(bounds.north)]
    .map(deg)
    .join(',');
  const parts = [`bbox=${bbox}`, `zoom=${Math.max(0, Math.min(22, Math.round(zoom)))}`];
  const categories = filters.categories.filter((c) => CODE.test(c));
  if (categories.length) parts.push(`category=${categories.map(encodeURIComponent).join(',')}`);
  parts.push(`status=${filters.status}`);
  return parts.join('&');
}

/** Adds or removes one category from the filter. */
export function toggleCategory(filters: MapFilters, code: string): MapFilters {
  const has = filters.categories.includes(code);
  const categories = has ? filters.categories.filter((c) => c !== code) : [...filters.categories, code].sort();
  return { ...filters, categories };
}

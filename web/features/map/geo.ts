import type { AreaDto } from '../../../shared/schemas/categories';

/** [lat, lng], Leaflet's order (GeoJSON is [lng, lat]). */
export type LatLng = [number, number];
/** One polygon: outer ring then holes. */
export type Rings = LatLng[][];

const isPosition = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

function ring(coords: unknown): LatLng[] {
  if (!Array.isArray(coords)) return [];
  return coords.filter(isPosition).map(([lng, lat]) => [lat, lng]);
}

function polygon(coords: unknown): Rings {
  if (!Array.isArray(coords)) return [];
  return coords.map(ring).filter((r) => r.length >= 3);
}

/** An area's GeoJSON geometry as Leaflet polygons (each a list of rings), in [lat, lng] order. */
export function areaPolygons(geometry: AreaDto['geometry']): Rings[] {
  if (geometry.type === 'Polygon') {
    const p = polygon(geometry.coordinates);
    return p.length ? [p] : [];
  }
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    return geometry.coordinates.map(polygon).filter((p) => p.length > 0);
  }
  return [];
}

/** The box around polygons (their outer rings), as Leaflet bounds, or null when there is nothing to bound. */
export function polygonsBounds(polygons: Iterable<Rings>): [LatLng, LatLng] | null {
  let minLat = Infinity;
  let minLng = Infinity;
  let maxLat = -Infinity;
  let maxLng = -Infinity;
  for (const poly of polygons) {
    for (const [lat, lng] of poly[0] ?? []) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
    }
  }
  return Number.isFinite(minLat)
    ? [
        [minLat, minLng],
        [maxLat, maxLng],
      ]
    : null;
}

/** The box around every area, as Leaflet bounds, or null when there is nothing to bound. */
export function areasBounds(areas: readonly AreaDto[]): [LatLng, LatLng] | null {
  return polygonsBounds(areas.flatMap((a) => areaPolygons(a.geometry)));
}

/** Rounds a coordinate for display (5 decimals is about 1 m). */
export function formatCoord(value: number, decimals = 5): string {
  return value.toFixed(decimals);
}

import { describe, expect, it } from 'vitest';
import type { AreaDto } from '../../../shared/schemas/categories';
import { areaPolygons, areasBounds } from './geo';

const square = (lng: number, lat: number) => [
  [lng, lat],
  [lng + 0.01, lat],
  [lng + 0.01, lat + 0.01],
  [lng, lat + 0.01],
  [lng, lat],
];
const area = (geometry: AreaDto['geometry']): AreaDto => ({ code: 'x', name: 'Phường Tuy Hòa', geometry, note: null });

describe('ward boundaries on the map', () => {
  it('swaps GeoJSON [lng, lat] into Leaflet [lat, lng] for a Polygon', () => {
    const [poly] = areaPolygons({ type: 'Polygon', coordinates: [square(109.3, 13.09)] });
    expect(poly?.[0]?.[0]).toEqual([13.09, 109.3]);
    expect(poly?.[0]?.[1]).toEqual([13.09, 109.31]);
  });

  it('draws every part of a MultiPolygon', () => {
    const polys = areaPolygons({ type: 'MultiPolygon', coordinates: [[square(109.2, 13.0)], [square(109.3, 13.1)]] });
    expect(polys).toHaveLength(2);
    expect(polys[1]?.[0]?.[0]).toEqual([13.1, 109.3]);
  });

  it('skips malformed coordinates instead of crashing the map', () => {
    expect(areaPolygons({ type: 'Polygon', coordinates: 'nonsense' })).toEqual([]);
    expect(areaPolygons({ type: 'Polygon', coordinates: [[[1, 2]]] })).toEqual([]);
  });

  it('bounds all areas together', () => {
    const bounds = areasBounds([
      area({ type: 'Polygon', coordinates: [square(109.2, 13.0)] }),
      area({ type: 'Polygon', coordinates: [square(109.3, 13.1)] }),
    ]);
    expect(bounds).toEqual([
      [13.0, 109.2],
      [13.11, 109.31],
    ]);
    expect(areasBounds([])).toBeNull();
  });
});

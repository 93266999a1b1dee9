import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';

/** GeoJSON geometry of an area, coordinates in [lng, lat]. */
export type AreaGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** What the index needs to know about an area. */
export interface IndexedArea {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** Where a point falls relative to an area's boundary. */
export type Containment = 'inside' | 'edge' | 'outside';

function polygonsOf(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Bounding box [minLng, minLat, maxLng, maxLat] of a geometry. */
export function bboxOf(geometry: AreaGeometry): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    // Holes lie inside the outer ring, so the outer ring bounds the polygon.
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < minX) minX = x!;
      if (y! < minY) minY = y!;
      if (x! > maxX) maxX = x!;
      if (y! > maxY) maxY = y!;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Whether [lng, lat] lies inside, on the edge of, or outside a geometry (holes respected). */
export function containment(geometry: AreaGeometry, lng: number, lat: number): Containment {
  let onEdge = false;
  for (const polygon of polygonsOf(geometry)) {
    const r = pointInPolygon([lng, lat], polygon);
    if (r === true) return 'inside';
    if (r === 0) onEdge = true;
  }
  return onEdge ? 'edge' : 'outside';
}

/**
 * A spatial index over area polygons: bounding boxes in a packed R-tree (Flatbush), then an exact
 * point-in-polygon test on the few candidates. Built once per set of boundaries, read many times.
 */
export class AreaIndex<A extends IndexedArea = IndexedArea> {
  private readonly tree: Flatbush | null;

  constructor(readonly areas: readonly A[]) {
    if (areas.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(areas.length);
    for (const a of areas) this.tree.add(...bboxOf(a.geometry));
    this.tree.finish();
  }

  /**
   * The area containing the point. A point strictly inside wins over one on an edge; a point on the
   * shared edge of two areas goes to the one whose code sorts first, so the answer never depends on
   * load order.
   */
  locate(lng: number, lat: number): A | null {
    if (!this.tree) return null;
    let edgeMatch: A | null = null;
    for (const i of this.tree.search(lng, lat, lng, lat)) {
      const area = this.areas[i]!;
      const where = containment(area.geometry, lng, lat);
      if (where === 'inside') return area;
      if (where === 'edge' && (edgeMatch === null || area.code < edgeMatch.code)) edgeMatch = area;
    }
    return edgeMatch;
  }
}

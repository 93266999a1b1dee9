import Flatbush from 'flatbush';
import pointInPolygon from 'point-in-polygon-hao';
import { orient2d } from 'robust-predicates';

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

/**
 * Whether [lng, lat] lies inside, on the edge of, or outside a geometry (holes respected). The
 * reference test (every edge of every ring); `AreaIndex` answers the same from its prepared rings.
 */
export function containment(geometry: AreaGeometry, lng: number, lat: number): Containment {
  let onEdge = false;
  for (const polygon of polygonsOf(geometry)) {
    const r = pointInPolygon([lng, lat], polygon);
    if (r === true) return 'inside';
    if (r === 0) onEdge = true;
  }
  return onEdge ? 'edge' : 'outside';
}

/** Average number of edges per latitude band of a prepared ring. */
const EDGES_PER_BAND = 4;
/** At most about this many band entries per edge, beyond the one each edge needs. */
const MAX_LISTED_PER_EDGE = 3;
/** What `ringCrossings` answers when the point lies on the ring. */
const ON_EDGE = -1;

/**
 * A ring ready for repeated point tests: its vertices packed as [x0, y0, x1, y1, ...], its bounds,
 * and its edges bucketed into horizontal bands, each band listing (by ascending smallest longitude)
 * every edge whose latitude span meets the band. Edge `i` runs from vertex `i` to vertex `i + 1` of
 * the ring as given (no closing edge is added), as in point-in-polygon-hao.
 */
interface PreparedRing {
  xy: Float64Array;
  minX: number;
  minY: number;
  maxY: number;
  /** Bands per degree of latitude. */
  scale: number;
  bands: number;
  /** Band b's edges are edges[start[b] .. start[b + 1]). */
  start: Uint32Array;
  edges: Uint16Array | Uint32Array;
}

interface PreparedPolygon {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  rings: PreparedRing[];
  /** A ring whose first and last vertices differ: testing the polygon throws, as the reference does. */
  unclosed: boolean;
}

/** The band of latitude y: monotone in y, so an edge spanning [y0, y1] is listed in every band y can fall in. */
function bandOf(ring: PreparedRing, y: number): number {
  const b = Math.floor((y - ring.minY) * ring.scale);
  return b < 0 ? 0 : b >= ring.bands ? ring.bands - 1 : b;
}

/** Each edge's west end, while a ring is built (grown as needed, reused). */
let westScratch = new Float64Array(1024);

/** Sorts edges[from, to) by ascending west end. */
function sortBand(edges: Uint16Array | Uint32Array, west: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    const sorted = Array.from(edges.subarray(from, to)).sort((a, b) => west[a]! - west[b]!);
    edges.set(sorted, from);
    return;
  }
  for (let e = from + 1; e < to; e++) {
    const edge = edges[e]!;
    let f = e - 1;
    while (f >= from && west[edges[f]!]! > west[edge]!) {
      edges[f + 1] = edges[f]!;
      f--;
    }
    edges[f + 1] = edge;
  }
}

function prepareRing(coords: number[][]): PreparedRing {
  const n = coords.length;
  const xy = new Float64Array(n * 2);
  let minX = Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = coords[i]!;
    const x = v[0]!;
    const y = v[1]!;
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const edgeCount = Math.max(0, n - 1);
  // About EDGES_PER_BAND edges a band, but never so many bands that long edges (each listed in every
  // band it spans) make the lists more than a few times the ring: spiky rings get fewer bands.
  let span = 0;
  for (let i = 0; i < edgeCount; i++) span += Math.abs(xy[2 * i + 3]! - xy[2 * i + 1]!);
  let bands = Math.max(
    1,
    Math.min(
      Math.ceil(edgeCount / EDGES_PER_BAND),
      Math.floor((MAX_LISTED_PER_EDGE * edgeCount * (maxY - minY)) / span),
    ),
  );
  let scale = bands / (maxY - minY);
  if (!(scale > 0 && scale < Infinity)) {
    // A flat ring (or a degenerate one): one band holding every edge.
    scale = 0;
    bands = 1;
  }
  const start = new Uint32Array(bands + 1);
  const ring: PreparedRing = { xy, minX, minY, maxY, scale, bands, start, edges: new Uint16Array(0) };
  // Count, then place, each edge in every band its latitude span meets.
  for (let i = 0; i < edgeCount; i++) {
    const y0 = xy[2 * i + 1]!;
    const y1 = xy[2 * i + 3]!;
    const hi = bandOf(ring, y0 > y1 ? y0 : y1);
    for (let b = bandOf(ring, y0 < y1 ? y0 : y1); b <= hi; b++) start[b + 1]!++;
  }
  for (let b = 0; b < bands; b++) start[b + 1]! += start[b]!;
  const total = start[bands]!;
  const edges = edgeCount < 0x10000 ? new Uint16Array(total) : new Uint32Array(total);
  if (westScratch.length < edgeCount) westScratch = new Float64Array(edgeCount * 2);
  const west = westScratch;
  const next = start.slice(0, bands);
  for (let i = 0; i < edgeCount; i++) {
    const y0 = xy[2 * i + 1]!;
    const y1 = xy[2 * i + 3]!;
    west[i] = Math.min(xy[2 * i]!, xy[2 * i + 2]!);
    const hi = bandOf(ring, y0 > y1 ? y0 : y1);
    for (let b = bandOf(ring, y0 < y1 ? y0 : y1); b <= hi; b++) edges[next[b]!++] = i;
  }
  // Each band by ascending west end, so a scan can stop at the first edge wholly east of the point.
  for (let b = 0; b < bands; b++) sortBand(edges, west, start[b]!, start[b + 1]!);
  ring.edges = edges;
  return ring;
}

function preparePolygon(polygon: number[][][]): PreparedPolygon {
  const rings = polygon.filter((r) => r.length > 0).map(prepareRing);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  let unclosed = false;
  for (const { xy } of rings) {
    for (let i = 0; i < xy.length; i += 2) {
      if (xy[i]! < minX) minX = xy[i]!;
      if (xy[i + 1]! < minY) minY = xy[i + 1]!;
      if (xy[i]! > maxX) maxX = xy[i]!;
      if (xy[i + 1]! > maxY) maxY = xy[i + 1]!;
    }
    if (xy[0] !== xy[xy.length - 2] && xy[1] !== xy[xy.length - 1]) unclosed = true;
  }
  return { minX, minY, maxX, maxY, rings, unclosed };
}

/**
 * How many of the ring's edges cross the ray running west from (x, y), or ON_EDGE. The test is
 * point-in-polygon-hao's, edge for edge (same differences, same exact orientation predicate), over
 * the only edges that can matter: those whose latitude span holds y (the band's) and whose west end
 * is not east of x (an edge wholly east of the point neither touches it nor crosses the westward ray).
 */
function ringCrossings(ring: PreparedRing, x: number, y: number): number {
  if (y < ring.minY || y > ring.maxY || x < ring.minX) return 0;
  const { xy, edges, start } = ring;
  const b = ring.bands === 1 ? 0 : bandOf(ring, y);
  const end = start[b + 1]!;
  let k = 0;
  for (let e = start[b]!; e < end; e++) {
    const i = 2 * edges[e]!;
    const u1 = xy[i]! - x;
    const u2 = xy[i + 2]! - x;
    if (u1 > 0 && u2 > 0) break; // this edge and all after it lie east of the point
    const v1 = xy[i + 1]! - y;
    const v2 = xy[i + 3]! - y;
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return ON_EDGE;
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const f = orient2d(u1, u2, v1, v2, 0, 0);
      if (f === 0) return ON_EDGE;
      if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) k++;
    }
  }
  return k;
}

/** A polygon's answer as point-in-polygon-hao gives it: true inside, 0 on an edge, false outside. */
function polygonContains(polygon: PreparedPolygon, x: number, y: number): boolean | 0 {
  if (x < polygon.minX || y < polygon.minY || x > polygon.maxX || y > polygon.maxY) return false;
  if (polygon.unclosed) throw new Error('First and last coordinates in a ring must be the same');
  let k = 0;
  for (const ring of polygon.rings) {
    const c = ringCrossings(ring, x, y);
    if (c === ON_EDGE) return 0;
    k += c;
  }
  return k % 2 === 1;
}

/**
 * A geometry prepared for many point tests: the same answers as `containment`, from a handful of
 * edges however detailed the boundary. It copies the coordinates (16 bytes a vertex) and buckets
 * each ring's edges by latitude (about 4 edges a band). A ring that is not closed throws when a point
 * within its polygon's bounds is tested, as `containment` does.
 */
export class PreparedGeometry {
  private readonly polygons: PreparedPolygon[];

  constructor(geometry: AreaGeometry) {
    this.polygons = polygonsOf(geometry).map(preparePolygon);
  }

  /** Whether [lng, lat] lies inside, on the edge of, or outside the geometry (holes respected). */
  containment(lng: number, lat: number): Containment {
    let onEdge = false;
    for (let p = 0; p < this.polygons.length; p++) {
      const r = polygonContains(this.polygons[p]!, lng, lat);
      if (r === true) return 'inside';
      if (r === 0) onEdge = true;
    }
    return onEdge ? 'edge' : 'outside';
  }
}

/**
 * A spatial index over area polygons: bounding boxes in a packed R-tree (Flatbush), then an exact
 * point-in-polygon test on the few candidates. An area's geometry is prepared (`PreparedGeometry`)
 * the first time a point falls in its bounding box, so building the index costs no more than the
 * R-tree and only areas that receive points take the memory. Built once per set of boundaries, read
 * many times; the areas' coordinates must not change once indexed.
 */
export class AreaIndex<A extends IndexedArea = IndexedArea> {
  private readonly tree: Flatbush | null;
  private readonly prepared: (PreparedGeometry | undefined)[];

  constructor(readonly areas: readonly A[]) {
    this.prepared = new Array<PreparedGeometry | undefined>(areas.length);
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
    const candidates = this.tree.search(lng, lat, lng, lat);
    for (let c = 0; c < candidates.length; c++) {
      const i = candidates[c]!;
      const area = this.areas[i]!;
      const where = (this.prepared[i] ??= new PreparedGeometry(area.geometry)).containment(lng, lat);
      if (where === 'inside') return area;
      if (where === 'edge' && (edgeMatch === null || area.code < edgeMatch.code)) edgeMatch = area;
    }
    return edgeMatch;
  }
}

import pointInPolygon from 'point-in-polygon-hao';
import { orient2d } from 'robust-predicates';
import type { AreaGeometry } from '../../domain/geo-index';
import { contactPoint, forEachNearPair, NONE, OVERLAP, segmentContact, TOUCH } from './segments';

/** A problem with a geometry; `path` is relative to the geometry (`coordinates.0.3`). */
export interface GeometryProblem {
  path: string;
  message: string;
}

/** A checked geometry: cleaned (2-D positions, no repeated consecutive points) when it has no problem. */
export interface CheckedGeometry {
  geometry: AreaGeometry | null;
  /** The polygons whose positions could be read, valid or not (to show a problem on a map). */
  shape: AreaGeometry | null;
  vertices: number;
  problems: GeometryProblem[];
}

type Ring = number[][];

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(6).replace(/0+$/, ''));
/** A position as a GIS person reads it, longitude first. */
export const at = (x: number, y: number) => `${fmt(x)}, ${fmt(y)} (lng, lat)`;

const GEOMETRY_HINTS: Record<string, string> = {
  Point: 'a Point is a single location, not an area',
  MultiPoint: 'points are locations, not areas',
  LineString: 'a LineString is a boundary line, not an area; convert lines to polygons first',
  MultiLineString: 'lines are boundary lines, not areas; convert lines to polygons first',
  GeometryCollection: 'split it or dissolve it into one MultiPolygon',
};

/**
 * Checks one feature's geometry the way a GIS validity check would, before anything is written:
 * Polygon or MultiPolygon, numeric positions within longitude/latitude ranges (with a hint when they
 * look swapped or projected), closed rings of at least 4 positions, no spike, no ring crossing or
 * touching itself, no ring crossing another, holes inside their outer ring. Stops after `max` problems.
 */
export function checkGeometry(raw: unknown, max = 5): CheckedGeometry {
  const problems: GeometryProblem[] = [];
  const fail = (path: string, message: string): CheckedGeometry => ({
    geometry: null,
    shape: null,
    vertices: 0,
    problems: [...problems, { path, message }],
  });
  if (raw === null || raw === undefined) return fail('', 'has no geometry (null); every area needs a polygon');
  if (typeof raw !== 'object' || Array.isArray(raw)) return fail('', 'must be a GeoJSON geometry object');
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string') return fail('type', `must be "Polygon" or "MultiPolygon", not ${shortly(g.type)}`);
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    const type = g.type;
    const hint = Object.hasOwn(GEOMETRY_HINTS, type) ? GEOMETRY_HINTS[type] : undefined;
    return fail(
      'type',
      `is a ${type} geometry; only Polygon and MultiPolygon boundaries can be imported${hint ? ` (${hint})` : ''}`,
    );
  }
  const polygonsRaw: unknown[] | null =
    g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : null;
  if (!polygonsRaw) return fail('coordinates', 'must be an array of polygons');
  if (polygonsRaw.length === 0) return fail('coordinates', 'is empty: a MultiPolygon needs at least one polygon');

  const readable: Ring[][] = [];
  let vertices = 0;
  for (let p = 0; p < polygonsRaw.length && problems.length < max; p++) {
    const prefix = g.type === 'Polygon' ? 'coordinates' : `coordinates.${p}`;
    const where = g.type === 'Polygon' ? '' : `polygon ${p}, `;
    const ringsRaw = polygonsRaw[p];
    if (!Array.isArray(ringsRaw) || ringsRaw.length === 0) {
      problems.push({ path: prefix, message: `${where}must be a non-empty array of rings (outer ring first)` });
      continue;
    }
    const rings: Ring[] = [];
    for (let r = 0; r < ringsRaw.length && problems.length < max; r++) {
      const ring = readRing(ringsRaw[r], `${prefix}.${r}`, `${where}${ringName(r)}`, problems);
      if (ring) {
        rings.push(ring);
        vertices += ring.length - 1;
      }
    }
    if (rings.length === ringsRaw.length) {
      readable.push(rings);
      checkPolygon(rings, prefix, where, problems, max);
    }
  }
  const shape: AreaGeometry | null =
    readable.length === 0
      ? null
      : g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: readable[0]! }
        : { type: 'MultiPolygon', coordinates: readable };
  if (problems.length > 0) return { geometry: null, shape, vertices, problems: problems.slice(0, max) };
  return { geometry: shape, shape, vertices, problems };
}

/**
 * A value named in a message without converting it: `String()` of a file's object throws when it has a
 * `toString` member that is not a function, and of a deeply nested array overflows the stack.
 */
function shortly(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value !== null && typeof value === 'object' ? 'an object' : String(value);
}

function ringName(r: number): string {
  return r === 0 ? 'ring 0 (the outer ring)' : `ring ${r} (a hole)`;
}

/**
 * Reads a ring's positions as 2-D [lng, lat] (an altitude is dropped), skipping repeated consecutive
 * positions; checks numbers, ranges, closure and length. Null (and one problem) when unusable.
 */
function readRing(raw: unknown, path: string, name: string, problems: GeometryProblem[]): Ring | null {
  if (!Array.isArray(raw)) {
    problems.push({ path, message: `${name} must be an array of [longitude, latitude] positions` });
    return null;
  }
  const ring: Ring = [];
  let px = NaN,
    py = NaN;
  for (let i = 0; i < raw.length; i++) {
    const pos: unknown = raw[i];
    if (!Array.isArray(pos) || pos.length < 2) {
      problems.push({ path: `${path}.${i}`, message: `${name}: position ${i} must be [longitude, latitude]` });
      return null;
    }
    const x: unknown = pos[0];
    const y: unknown = pos[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      const bad = typeof x !== 'number' || !Number.isFinite(x) ? x : y;
      const shown = typeof bad === 'string' ? `the text "${bad.slice(0, 30)}"` : shortly(bad);
      problems.push({
        path: `${path}.${i}`,
        message: `${name}: position ${i} has ${shown} where a number is expected (coordinates must be finite numbers)`,
      });
      return null;
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      problems.push({ path: `${path}.${i}`, message: `${name}: position ${i} ${rangeMessage(x, y)}` });
      return null;
    }
    if (x === px && y === py) continue;
    // The parsed position is kept as it is unless it carries an altitude (no copy of millions of them).
    ring.push(pos.length === 2 ? (pos as number[]) : [x, y]);
    px = x;
    py = y;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({
      path,
      message: `${name} is not closed: its last position (${at(last[0]!, last[1]!)}) must repeat its first (${at(first[0]!, first[1]!)})`,
    });
    return null;
  }
  if (ring.length < 4) {
    problems.push({
      path,
      message: `${name} has ${ring.length} distinct position(s); a ring needs at least 4 (3 corners and the first repeated at the end)`,
    });
    return null;
  }
  // A spike: the ring goes out and comes straight back along the same line.
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const prev = ring[i === 0 ? n - 1 : i - 1]!,
      cur = ring[i]!,
      next = ring[i + 1]!;
    const [px, py] = prev as [number, number],
      [cx, cy] = cur as [number, number],
      [nx, ny] = next as [number, number];
    if (orient2d(px, py, cx, cy, nx, ny) === 0 && (px - cx) * (nx - cx) + (py - cy) * (ny - cy) > 0) {
      problems.push({ path, message: `${name} turns back on itself (a spike) at ${at(cx, cy)}` });
      return null;
    }
  }
  return ring;
}

/** Why a position is out of range, with a hint when it looks like [lat, lng] or projected metres. */
function rangeMessage(x: number, y: number): string {
  const shown = `[${fmt(x)}, ${fmt(y)}]`;
  if (Math.abs(x) <= 90 && Math.abs(y) <= 180)
    return `${shown} has latitude ${fmt(y)}, out of range: it looks like [latitude, longitude], but GeoJSON positions are [longitude, latitude]; swap them`;
  if (Math.abs(x) > 1000 || Math.abs(y) > 1000)
    return `${shown} looks like projected coordinates in metres (e.g. VN-2000 / UTM); export the file in WGS 84 longitude/latitude (EPSG:4326)`;
  return `${shown} is out of range (longitude -180..180, latitude -90..90)`;
}

/**
 * Rings of one polygon: none may cross or touch itself; rings may touch each other at single points
 * but not cross or share a stretch; every hole lies in the outer ring.
 */
function checkPolygon(rings: Ring[], prefix: string, where: string, problems: GeometryProblem[], max: number): void {
  let n = 0;
  for (const r of rings) n += r.length - 1;
  const ringOf = new Int32Array(n);
  const indexIn = new Int32Array(n);
  const ringSize = rings.map((r) => r.length - 1);
  const coords = new Float64Array(n * 4);
  const boxes = new Float64Array(n * 4);
  let k = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r]!;
    for (let i = 0; i < ring.length - 1; i++, k++) {
      const a = ring[i]!,
        b = ring[i + 1]!;
      const ax = a[0]!,
        ay = a[1]!,
        bx = b[0]!,
        by = b[1]!;
      ringOf[k] = r;
      indexIn[k] = i;
      coords[k * 4] = ax;
      coords[k * 4 + 1] = ay;
      coords[k * 4 + 2] = bx;
      coords[k * 4 + 3] = by;
      boxes[k * 4] = ax < bx ? ax : bx;
      boxes[k * 4 + 1] = ay < by ? ay : by;
      boxes[k * 4 + 2] = ax < bx ? bx : ax;
      boxes[k * 4 + 3] = ay < by ? by : ay;
    }
  }
  const seg = (s: number) => [coords[s * 4]!, coords[s * 4 + 1]!, coords[s * 4 + 2]!, coords[s * 4 + 3]!];
  const crossedRings = new Set<number>();
  const limit = max - problems.length;
  let found = 0;
  forEachNearPair(boxes, n, (i, j) => {
    const c = segmentContact(
      coords[i * 4]!,
      coords[i * 4 + 1]!,
      coords[i * 4 + 2]!,
      coords[i * 4 + 3]!,
      coords[j * 4]!,
      coords[j * 4 + 1]!,
      coords[j * 4 + 2]!,
      coords[j * 4 + 3]!,
    );
    if (c === NONE) return false;
    const ri = ringOf[i]!,
      rj = ringOf[j]!;
    let message: string | null = null;
    if (ri === rj) {
      const d = indexIn[j]! - indexIn[i]!;
      // Neighbouring segments share their vertex; spikes were refused when the ring was read.
      if (d !== 1 && d !== ringSize[ri]! - 1)
        message = `${where}${ringName(ri)} ${c === TOUCH ? 'touches' : 'crosses'} itself`;
    } else if (c !== TOUCH) {
      message = `${where}${ringName(rj)} ${c === OVERLAP ? 'runs along' : 'crosses'} ${ringName(ri)}`;
    }
    if (!message) return false;
    const [x, y] = contactPoint(seg(i), seg(j));
    problems.push({ path: `${prefix}.${rj}`, message: `${message} at ${at(x, y)}` });
    crossedRings.add(ri).add(rj);
    return ++found >= limit;
  });
  if (crossedRings.size > 0) return;
  const shell = [rings[0]!];
  for (let r = 1; r < rings.length && problems.length < max; r++) {
    let inside: boolean | 0 = 0;
    for (const p of rings[r]!) {
      inside = pointInPolygon(p, shell);
      if (inside !== 0) break;
    }
    if (inside !== true)
      problems.push({
        path: `${prefix}.${r}`,
        message: `${where}${ringName(r)} lies ${inside === false ? 'outside' : 'on the boundary of'} the outer ring; a hole must be inside it`,
      });
  }
}

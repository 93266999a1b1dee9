import type { AreaGeometry } from '../../domain/geo-index';

type Ring = number[][];

/** Squared distance from p to the segment a-b. */
function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let dx = bx - ax,
    dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      ax = bx;
      ay = by;
    } else if (t > 0) {
      ax += dx * t;
      ay += dy * t;
    }
  }
  dx = px - ax;
  dy = py - ay;
  return dx * dx + dy * dy;
}

/**
 * Douglas–Peucker importance of every vertex of a closed ring: the (squared) distance at which it
 * would be dropped, never more than its parent's so thresholds nest. The ring is split at the vertex
 * farthest from its start first, so even a heavily simplified ring keeps its shape as a triangle.
 */
function importance(ring: Ring): Float64Array {
  const n = ring.length;
  const imp = new Float64Array(n);
  imp[0] = Infinity;
  imp[n - 1] = Infinity;
  let far = 1,
    farD = -1;
  const [x0, y0] = ring[0] as [number, number];
  for (let i = 1; i < n - 1; i++) {
    const dx = ring[i]![0]! - x0,
      dy = ring[i]![1]! - y0;
    if (dx * dx + dy * dy > farD) {
      farD = dx * dx + dy * dy;
      far = i;
    }
  }
  imp[far] = Infinity;
  const stack: number[] = [0, far, Infinity, far, n - 1, Infinity];
  while (stack.length > 0) {
    const cap = stack.pop()!,
      last = stack.pop()!,
      first = stack.pop()!;
    if (last - first < 2) continue;
    const [ax, ay] = ring[first] as [number, number];
    const [bx, by] = ring[last] as [number, number];
    let best = -1,
      bestD = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(ring[i]![0]!, ring[i]![1]!, ax, ay, bx, by);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    const v = Math.min(bestD, cap);
    imp[best] = v;
    stack.push(first, best, v, best, last, v);
  }
  return imp;
}

const round = (x: number, factor: number) => Math.round(x * factor) / factor;

/**
 * A light copy of a geometry for a map preview: at most about `maxVertices` vertices (the most
 * important by Douglas–Peucker), none closer than `tolerance` degrees to the simplified line, holes
 * that vanish dropped, coordinates rounded to `decimals` (5 is about 1 m).
 */
export function simplifyForPreview(
  geometry: AreaGeometry,
  maxVertices: number,
  tolerance: number,
  decimals = 5,
): AreaGeometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const weights = polygons.map((rings) => rings.map(importance));
  const all: number[] = [];
  // Each ring always keeps a triangle (3 vertices plus the closing one): the rest of the budget is shared.
  let forced = 0;
  for (const rings of weights)
    for (const w of rings) {
      forced += 2;
      for (const v of w) if (v !== Infinity) all.push(v);
    }
  let threshold = tolerance * tolerance;
  const room = Math.max(0, maxVertices - forced);
  if (all.length > room) {
    all.sort((a, b) => b - a);
    threshold = Math.max(threshold, room === 0 ? Infinity : all[room - 1]!);
  }
  const factor = 10 ** decimals;
  const out: number[][][][] = [];
  polygons.forEach((rings, p) => {
    const kept: number[][][] = [];
    rings.forEach((ring, r) => {
      const w = weights[p]![r]!;
      const simple: number[][] = [];
      for (let i = 0; i < ring.length; i++) {
        if (w[i]! < threshold) continue;
        const x = round(ring[i]![0]!, factor),
          y = round(ring[i]![1]!, factor);
        const prev = simple[simple.length - 1];
        if (prev && prev[0] === x && prev[1] === y) continue;
        simple.push([x, y]);
      }
      // A ring rounded or thinned to fewer than 3 corners: holes go, an outer ring keeps its triangle.
      if (simple.length >= 4) kept.push(simple);
      else if (r === 0) kept.push(triangle(ring, w, factor));
    });
    out.push(kept);
  });
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: out[0]! }
    : { type: 'MultiPolygon', coordinates: out };
}

function triangle(ring: Ring, w: Float64Array, factor: number): number[][] {
  const picks = [...w.keys()]
    .filter((i) => i !== 0 && i !== ring.length - 1)
    .sort((a, b) => w[b]! - w[a]!)
    .slice(0, 2)
    .sort((a, b) => a - b);
  const pts = [0, ...picks, 0].map((i) => [round(ring[i]![0]!, factor), round(ring[i]![1]!, factor)]);
  return pts;
}

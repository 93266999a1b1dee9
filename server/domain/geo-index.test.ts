import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/seed/random';
import { AreaIndex, PreparedGeometry, bboxOf, containment, type AreaGeometry, type Containment } from './geo-index';

const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const polygon = (...rings: number[][][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });
const area = (code: string, geometry: AreaGeometry) => ({ code, name: code, geometry });

/** The prepared answer, checked against the reference `containment` on the way. */
function prepared(geometry: AreaGeometry, x: number, y: number): Containment {
  const answer = new PreparedGeometry(geometry).containment(x, y);
  expect(answer, `(${x}, ${y})`).toBe(containment(geometry, x, y));
  return answer;
}

const holeRings = [square(0, 0, 10, 10), square(4, 4, 6, 6).reverse()];
const withHole = polygon(...holeRings);

describe('PreparedGeometry', () => {
  it('respects holes: a point in the hole is outside, one on its ring on the edge', () => {
    expect(prepared(withHole, 5, 5)).toBe('outside');
    expect(prepared(withHole, 4, 5)).toBe('edge');
    expect(prepared(withHole, 6, 6)).toBe('edge');
    expect(prepared(withHole, 2, 2)).toBe('inside');
    expect(prepared(withHole, 5, 7)).toBe('inside');
  });

  it('finds a point in any part of a MultiPolygon, and none between the parts', () => {
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [holeRings, [square(20, 20, 21, 21)]] };
    expect(prepared(multi, 20.5, 20.5)).toBe('inside');
    expect(prepared(multi, 21, 20.5)).toBe('edge');
    expect(prepared(multi, 15, 15)).toBe('outside');
    expect(prepared(multi, 5, 5)).toBe('outside');
  });

  it('puts a point on a vertex or anywhere along a segment on the edge, diagonal segments too', () => {
    const triangle = polygon([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 0],
    ]);
    for (const [x, y] of [
      [0, 0],
      [4, 4],
      [2, 0],
      [4, 1.5],
      [1, 1],
      [3.25, 3.25],
    ] as const)
      expect(prepared(triangle, x, y)).toBe('edge');
    expect(prepared(triangle, 3, 1)).toBe('inside');
    expect(prepared(triangle, 1, 3)).toBe('outside');
    expect(prepared(triangle, 5, 0)).toBe('outside'); // on the line of the bottom edge, past its end
  });

  it('answers outside for a point in the bounding box but in a bay of a concave polygon', () => {
    const c = polygon([
      [0, 0],
      [10, 0],
      [10, 2],
      [2, 2],
      [2, 8],
      [10, 8],
      [10, 10],
      [0, 10],
      [0, 0],
    ]);
    expect(prepared(c, 6, 5)).toBe('outside');
    expect(prepared(c, 1, 5)).toBe('inside');
    expect(prepared(c, 2, 5)).toBe('edge');
    expect(prepared(c, 6, 2)).toBe('edge');
  });

  it('handles a ray through vertices and along horizontal edges exactly as the reference', () => {
    const zigzag = polygon([
      [0, 0],
      [2, 2],
      [4, 0],
      [6, 2],
      [8, 0],
      [8, 4],
      [6, 4],
      [4, 2],
      [2, 4],
      [0, 4],
      [0, 0],
    ]);
    for (let x = -1; x <= 9; x += 0.5) for (let y = -1; y <= 5; y += 0.5) prepared(zigzag, x, y);
  });

  it('tells a point a hair off an edge from one on it, at any scale (exact orientation test)', () => {
    for (const scale of [1, 1e-20, 1e20]) {
      const triangle = polygon([
        [0, 0],
        [4 * scale, 0],
        [4 * scale, 4 * scale],
        [0, 0],
      ]);
      const x = 3 * scale;
      const up = x + x * Number.EPSILON;
      const down = x - (x * Number.EPSILON) / 2;
      expect(prepared(triangle, x, x)).toBe('edge');
      expect(prepared(triangle, x, up)).toBe('outside');
      expect(prepared(triangle, x, down)).toBe('inside');
      expect(prepared(triangle, 4 * scale + 4 * scale * Number.EPSILON, x)).toBe('outside');
    }
  });

  it('throws on a ring that is not closed, as the reference does', () => {
    const open = polygon([
      [0, 0],
      [10, 0],
      [10, 10],
      [1, 1],
    ]);
    expect(() => containment(open, 5, 2)).toThrow(/must be the same/);
    expect(() => new PreparedGeometry(open).containment(5, 2)).toThrow(/must be the same/);
  });

  it('copes with a flat ring and a ring of one vertex', () => {
    const flat = polygon([
      [0, 1],
      [5, 1],
      [0, 1],
    ]);
    expect(prepared(flat, 2, 1)).toBe('edge');
    expect(prepared(flat, 2, 1.5)).toBe('outside');
    expect(new PreparedGeometry(polygon([[3, 3]])).containment(3, 3)).toBe('outside');
  });
});

/** A star-shaped ring of n vertices around (cx, cy), counter-clockwise, closed; `grid` snaps to integers. */
function star(rng: Rng, cx: number, cy: number, n: number, rMin: number, rMax: number, grid = false): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < n; k++) {
    const a = (k / n) * Math.PI * 2;
    const r = rMin + rng.next() * (rMax - rMin);
    let x = cx + r * Math.cos(a);
    let y = cy + r * Math.sin(a);
    if (grid) [x, y] = [Math.round(x), Math.round(y)];
    ring.push([x, y]);
  }
  ring.push([...ring[0]!]);
  return ring;
}

/** Points worth testing against a geometry: random ones, vertices, exact midpoints, a vertex's latitude. */
function probes(rng: Rng, geometry: AreaGeometry, count: number): [number, number][] {
  const [minX, minY, maxX, maxY] = bboxOf(geometry);
  const vertices = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const out: [number, number][] = [];
  for (let n = 0; n < count; n++) {
    const v = rng.pick(vertices);
    const w = rng.pick(vertices);
    const x = minX - 1 + rng.next() * (maxX - minX + 2);
    switch (n % 5) {
      case 0:
        out.push([x, minY - 1 + rng.next() * (maxY - minY + 2)]);
        break;
      case 1:
        out.push([v[0]!, v[1]!]);
        break;
      case 2:
        out.push([(v[0]! + w[0]!) / 2, (v[1]! + w[1]!) / 2]);
        break;
      case 3:
        out.push([x, v[1]!]);
        break;
      default:
        out.push([v[0]!, minY - 1 + rng.next() * (maxY - minY + 2)]);
    }
  }
  return out;
}

describe('PreparedGeometry against the reference', () => {
  it('agrees on detailed rings, holes and MultiPolygons, in real coordinates and on an integer grid', () => {
    const rng = new Rng(11);
    for (let g = 0; g < 40; g++) {
      const grid = g % 2 === 1;
      const size = grid ? 40 : 0.05;
      const cx = grid ? 0 : 109.3;
      const cy = grid ? 0 : 13.1;
      const n = rng.int(3, grid ? 200 : 3000);
      const outer = star(rng, cx, cy, n, size * 0.5, size, grid);
      const hole = star(rng, cx, cy, rng.int(3, 60), size * 0.1, size * 0.3, grid).reverse();
      const island = star(rng, cx + size * 3, cy, rng.int(3, 300), size * 0.2, size * 0.6, grid);
      const geometry: AreaGeometry =
        g % 3 === 0
          ? { type: 'MultiPolygon', coordinates: [[outer, hole], [island]] }
          : polygon(...(g % 3 === 1 ? [outer, hole] : [outer]));
      const p = new PreparedGeometry(geometry);
      const seen = new Set<Containment>();
      for (const [x, y] of probes(rng, geometry, 400)) {
        const want = containment(geometry, x, y);
        seen.add(want);
        expect(p.containment(x, y), `geometry ${g} at (${x}, ${y})`).toBe(want);
      }
      expect(seen.has('edge') && seen.has('outside')).toBe(true);
    }
  });

  it('agrees on a ring of more than 65,536 edges, and on a spiky one whose edges span many bands', () => {
    const rng = new Rng(5);
    for (const geometry of [polygon(star(rng, 0, 0, 70_000, 0.99, 1)), polygon(star(rng, 0, 0, 5_000, 0.1, 1))]) {
      const p = new PreparedGeometry(geometry);
      for (const [x, y] of probes(rng, geometry, 300)) expect(p.containment(x, y)).toBe(containment(geometry, x, y));
    }
  });
});

describe('AreaIndex', () => {
  it('finds nothing in an empty index, or outside every area', () => {
    expect(new AreaIndex([]).locate(1, 1)).toBeNull();
    expect(new AreaIndex([area('a', withHole)]).locate(20, 20)).toBeNull();
    expect(new AreaIndex([area('a', withHole)]).locate(5, 5)).toBeNull();
  });

  it('gives a point on the shared edge or vertex of two areas to the lowest code, whatever the load order', () => {
    const areas = [area('b', polygon(square(0, 0, 10, 10))), area('a', polygon(square(10, 0, 20, 10)))];
    for (const list of [areas, [...areas].reverse()]) {
      const index = new AreaIndex(list);
      expect(index.locate(10, 5)?.code).toBe('a');
      expect(index.locate(10, 0)?.code).toBe('a');
      expect(index.locate(5, 5)?.code).toBe('b');
      expect(index.locate(15, 5)?.code).toBe('a');
    }
  });

  it('prefers an area that holds the point strictly over one it only touches', () => {
    // Overlapping on purpose: (10, 5) is on the edge of 'a' and inside 'b'.
    const areas = [area('a', polygon(square(0, 0, 10, 10))), area('b', polygon(square(5, 0, 15, 10)))];
    expect(new AreaIndex(areas).locate(10, 5)?.code).toBe('b');
    expect(new AreaIndex([...areas].reverse()).locate(10, 5)?.code).toBe('b');
  });

  it('gives an enclave its own points and its boundary to the lowest code', () => {
    const enclave = area('b-enclave', polygon(square(4, 4, 6, 6)));
    const around = area('c-around', withHole);
    const index = new AreaIndex([around, enclave]);
    expect(index.locate(5, 5)?.code).toBe('b-enclave');
    expect(index.locate(2, 2)?.code).toBe('c-around');
    expect(index.locate(4, 5)?.code).toBe('b-enclave');
  });

  it('agrees with a scan of every area through the reference on a tiled grid of detailed wards', () => {
    const rng = new Rng(3);
    // A 6 x 6 grid whose shared sides are the same wiggly polylines in both neighbours.
    const side = (ax: number, ay: number, bx: number, by: number) =>
      Array.from({ length: 41 }, (_, k) => {
        const t = k / 40;
        const off = k === 0 || k === 40 ? 0 : Math.round((rng.next() - 0.5) * 4) / 8;
        return [ax + t * (bx - ax) + (ay === by ? 0 : off), ay + t * (by - ay) + (ay === by ? off : 0)];
      });
    const h = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 7 }, (_, j) => side(i * 8, j * 8, i * 8 + 8, j * 8)),
    );
    const v = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 6 }, (_, j) => side(i * 8, j * 8, i * 8, j * 8 + 8)),
    );
    const areas: ReturnType<typeof area>[] = [];
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) {
        const ring = [
          ...h[i]![j]!,
          ...v[i + 1]![j]!.slice(1),
          ...[...h[i]![j + 1]!].reverse().slice(1),
          ...[...v[i]![j]!].reverse().slice(1),
        ];
        areas.push(area(`w${String(rng.int(0, 999)).padStart(3, '0')}-${i}-${j}`, polygon(ring)));
      }
    const index = new AreaIndex(areas);
    const expected = (x: number, y: number) => {
      let edge: string | null = null;
      for (const a of areas) {
        const where = containment(a.geometry, x, y);
        if (where === 'inside') return a.code;
        if (where === 'edge' && (edge === null || a.code < edge)) edge = a.code;
      }
      return edge;
    };
    let onEdges = 0;
    for (const a of areas)
      for (const [x, y] of probes(rng, a.geometry, 60)) {
        const want = expected(x, y);
        if (areas.filter((b) => containment(b.geometry, x, y) === 'edge').length > 1) onEdges++;
        expect(index.locate(x, y)?.code ?? null, `(${x}, ${y})`).toBe(want);
      }
    expect(onEdges).toBeGreaterThan(100);
  });
});

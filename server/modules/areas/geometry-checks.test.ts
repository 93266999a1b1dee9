import { describe, expect, it } from 'vitest';
import { containment } from '../../domain/geo-index';
import { checkGeometry } from './geometry-checks';
import { forEachNearPair } from './segments';
import { simplifyForPreview } from './simplify';
import { bowTie, multiPolygon, polygon, rect, wavyRing, type Pos } from '../../test/geojson';

const problemsOf = (geometry: unknown) => checkGeometry(geometry).problems;

describe('checkGeometry accepts what real ward files hold', () => {
  it('accepts a ward outline of 5,000 vertices and keeps every one', () => {
    const result = checkGeometry(polygon(wavyRing(109.3, 13.1, 0.05, 5000)));
    expect(result.problems).toEqual([]);
    expect(result.vertices).toBe(5000);
  });

  it('accepts a MultiPolygon with a hole and an island, with 3-D positions reduced to 2-D', () => {
    const outer = wavyRing(109.3, 13.1, 0.05, 3000);
    const hole = wavyRing(109.3, 13.1, 0.01, 1000, true);
    const island = rect(109.4, 13.0, 109.42, 13.02).map(([x, y]) => [x, y, 12.5]);
    const result = checkGeometry(multiPolygon([outer, hole], [island as Pos[]]));
    expect(result.problems).toEqual([]);
    expect(result.geometry!.type).toBe('MultiPolygon');
    expect((result.geometry!.coordinates as number[][][][])[1]![0]![0]).toEqual([109.4, 13.0]);
    // The hole is a hole: its centre is outside the area, the ring between is inside.
    expect(containment(result.geometry!, 109.3, 13.1)).toBe('outside');
    expect(containment(result.geometry!, 109.3 + 0.03, 13.1)).toBe('inside');
  });

  it('drops repeated consecutive positions, as exported by many GIS tools', () => {
    const ring: Pos[] = [
      [109, 13],
      [109.1, 13],
      [109.1, 13],
      [109.1, 13.1],
      [109, 13.1],
      [109, 13],
    ];
    const result = checkGeometry(polygon(ring));
    expect(result.problems).toEqual([]);
    expect(result.vertices).toBe(4);
  });

  it('accepts a hole touching its outer ring at one point', () => {
    const outer = rect(0, 0, 10, 10);
    const hole: Pos[] = [
      [0, 5],
      [4, 3],
      [4, 7],
      [0, 5],
    ];
    expect(problemsOf(polygon(outer, hole))).toEqual([]);
  });
});

describe('checkGeometry rejects invalid geometry with a message saying what and where', () => {
  const cases: [string, unknown, RegExp, string?][] = [
    ['a null geometry', null, /has no geometry/],
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      /LineString.*only Polygon and MultiPolygon.*convert lines to polygons/,
      'type',
    ],
    ['a Point', { type: 'Point', coordinates: [109.3, 13.1] }, /Point geometry; only Polygon and MultiPolygon/, 'type'],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, /needs at least one polygon/, 'coordinates'],
    [
      'an unclosed ring',
      polygon([
        [109, 13],
        [109.1, 13],
        [109.1, 13.1],
        [109, 13.1],
      ]),
      /ring 0 \(the outer ring\) is not closed: its last position \(109, 13.1 \(lng, lat\)\) must repeat its first/,
      'coordinates.0',
    ],
    [
      'a ring of 3 positions',
      polygon([
        [109, 13],
        [109.1, 13],
        [109, 13],
      ]),
      /has 3 distinct position\(s\); a ring needs at least 4/,
      'coordinates.0',
    ],
    [
      'a bow-tie',
      polygon(bowTie(0, 0, 2, 2)),
      /ring 0 \(the outer ring\) crosses itself at 1, 1 \(lng, lat\)/,
      'coordinates.0',
    ],
    [
      'a ring touching itself',
      polygon([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0],
        [0, 4],
        [0, 0],
      ]),
      /touches itself at 2, 0/,
      'coordinates.0',
    ],
    [
      'a text coordinate',
      polygon([
        [109, 13],
        ['109.1' as unknown as number, 13],
        [109.1, 13.1],
        [109, 13],
      ]),
      /position 1 has the text "109.1" where a number is expected/,
      'coordinates.0.1',
    ],
    [
      'a NaN coordinate',
      polygon([
        [109, 13],
        [NaN, 13],
        [109.1, 13.1],
        [109, 13],
      ]),
      /position 1 has NaN where a number is expected/,
      'coordinates.0.1',
    ],
    [
      'a latitude out of range',
      polygon([
        [100, 95],
        [101, 95],
        [101, 96],
        [100, 95],
      ]),
      /out of range \(longitude -180..180, latitude -90..90\)/,
      'coordinates.0.0',
    ],
    [
      'positions written [lat, lng]',
      polygon([
        [13.05, 109.25],
        [13.05, 109.3],
        [13.1, 109.3],
        [13.05, 109.25],
      ]),
      /looks like \[latitude, longitude\], but GeoJSON positions are \[longitude, latitude\]/,
      'coordinates.0.0',
    ],
    [
      'projected coordinates',
      polygon([
        [580000, 1445000],
        [581000, 1445000],
        [581000, 1446000],
        [580000, 1445000],
      ]),
      /projected coordinates in metres \(e.g. VN-2000 \/ UTM\).*EPSG:4326/,
      'coordinates.0.0',
    ],
    [
      'a hole outside its outer ring',
      polygon(rect(0, 0, 10, 10), rect(20, 20, 22, 22)),
      /ring 1 \(a hole\) lies outside the outer ring/,
      'coordinates.1',
    ],
    [
      'a hole crossing its outer ring',
      polygon(rect(0, 0, 10, 10), rect(8, 8, 12, 12)),
      /ring 1 \(a hole\) crosses ring 0 \(the outer ring\) at/,
      'coordinates.1',
    ],
    [
      'a second polygon of a MultiPolygon with a bow-tie',
      multiPolygon([rect(0, 0, 1, 1)], [bowTie(5, 5, 7, 7)]),
      /polygon 1, ring 0 \(the outer ring\) crosses itself at 6, 6/,
      'coordinates.1.0',
    ],
  ];
  it.each(cases)('rejects %s', (_name, geometry, message, path) => {
    const result = checkGeometry(geometry);
    expect(result.geometry).toBeNull();
    expect(result.problems[0]!.message).toMatch(message);
    if (path !== undefined) expect(result.problems[0]!.path).toBe(path);
  });

  it('rejects a ring that turns back on itself (a spike)', () => {
    const spike: Pos[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [6, 2],
      [4, 2],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(problemsOf(polygon(spike))[0]!.message).toMatch(/turns back on itself \(a spike\) at/);
  });

  it('rejects a ring whose points all lie on one line', () => {
    expect(
      problemsOf(
        polygon([
          [0, 0],
          [1, 1],
          [2, 2],
          [0, 0],
        ]),
      )[0]!.message,
    ).toMatch(/no area|spike/);
  });

  it('finds the one crossing in a ring of 20,000 vertices, saying where it is', () => {
    const ring = wavyRing(109.3, 13.1, 0.05, 20_000);
    [ring[12_000], ring[12_001]] = [ring[12_001]!, ring[12_000]!];
    const [problem, ...rest] = problemsOf(polygon(ring));
    expect(rest).toEqual([]);
    expect(problem!.message).toMatch(/crosses itself at 109\.\d+, 13\.\d+ \(lng, lat\)/);
    const [, x, y] = /at ([\d.]+), ([\d.]+)/.exec(problem!.message)!;
    expect(Math.abs(Number(x) - ring[12_000]![0])).toBeLessThan(0.001);
    expect(Math.abs(Number(y) - ring[12_000]![1])).toBeLessThan(0.001);
  });

  it('lists at most 5 problems for one geometry', () => {
    const bowTies = Array.from({ length: 10 }, (_, i) => [bowTie(i * 10, 0, i * 10 + 2, 2)]);
    expect(problemsOf(multiPolygon(...bowTies))).toHaveLength(5);
  });
});

describe('forEachNearPair', () => {
  /** Random short segments in a unit square, plus `crowd` of them packed into a tiny corner. */
  function segments(count: number, crowd: number, seed: number) {
    let x = seed;
    const random = () => ((x = (x * 16807) % 2147483647) - 1) / 2147483646;
    const boxes = new Float64Array((count + crowd) * 4);
    for (let s = 0; s < count + crowd; s++) {
      const scale = s < count ? 1 : 0.0001;
      const ax = random() * scale,
        ay = random() * scale,
        bx = ax + (random() - 0.5) * 0.05 * scale,
        by = ay + (random() - 0.5) * 0.05 * scale;
      boxes.set([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)], s * 4);
    }
    return boxes;
  }
  function bruteForce(boxes: Float64Array, n: number): string[] {
    const pairs: string[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (
          boxes[j * 4]! <= boxes[i * 4 + 2]! &&
          boxes[j * 4 + 1]! <= boxes[i * 4 + 3]! &&
          boxes[j * 4 + 2]! >= boxes[i * 4]! &&
          boxes[j * 4 + 3]! >= boxes[i * 4 + 1]!
        )
          pairs.push(`${i}-${j}`);
    return pairs;
  }
  it.each([
    ['spread out (grid)', 3000, 0],
    ['crowded into a corner (R-tree)', 200, 2000],
  ])('visits every pair of overlapping boxes exactly once, %s', (_name, count, crowd) => {
    const boxes = segments(count, crowd, 42);
    const n = count + crowd;
    const seen: string[] = [];
    forEachNearPair(boxes, n, (i, j) => {
      seen.push(`${i}-${j}`);
      return false;
    });
    expect(seen.sort()).toEqual(bruteForce(boxes, n).sort());
  });
});

describe('simplifyForPreview', () => {
  it('thins a 5,000-vertex ward to the budget while keeping its outline and its hole', () => {
    const outer = wavyRing(109.3, 13.1, 0.05, 5000);
    const hole = wavyRing(109.3, 13.1, 0.02, 2000, true);
    const light = simplifyForPreview({ type: 'Polygon', coordinates: [outer, hole] }, 300, 0);
    const rings = light.coordinates as number[][][];
    const count = rings.reduce((n, r) => n + r.length - 1, 0);
    expect(count).toBeLessThanOrEqual(300);
    expect(count).toBeGreaterThan(100);
    expect(rings).toHaveLength(2);
    // Still the same place: inside the ring, outside the hole, and coordinates rounded to ~1 m.
    expect(containment(light, 109.3 + 0.035, 13.1)).toBe('inside');
    expect(containment(light, 109.3, 13.1)).toBe('outside');
    expect(String(rings[0]![1]![0]).split('.')[1]!.length).toBeLessThanOrEqual(5);
    expect(problemsOf(light)).toEqual([]);
  });

  it('keeps a tiny outer ring as a triangle and drops holes that vanish', () => {
    const light = simplifyForPreview(
      { type: 'Polygon', coordinates: [wavyRing(109.3, 13.1, 0.001, 400), wavyRing(109.3, 13.1, 0.0001, 50, true)] },
      300,
      0.01,
    );
    expect(light.coordinates).toHaveLength(1);
    expect((light.coordinates as number[][][])[0]!.length).toBe(4);
  });
});

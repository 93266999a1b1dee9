/**
 * routing.*: routing reports against a nation's worth of communes. Builds, from a seeded RNG, 10,000
 * ward polygons of about 500 vertices each tiling a country-sized region without gaps or overlaps
 * (a jittered grid whose neighbours share identical many-vertex boundary polylines, a wiggly coast,
 * coastal wards owning offshore islands as MultiPolygons, wards with holes that are either lakes or
 * enclaves, the enclave being an area of its own), then routes 100,000 points (most inside, some
 * out at sea) through the production path: `routeReport` over `AreaIndex` with a rule per category
 * and area-specific overrides. Rows: the index build, its memory once every area has been hit,
 * the first pass (which prepares each area's rings as it first meets it), the steady throughput
 * (median of 3 passes; the target), the index alone, and per-point latency. Between the first pass
 * and the timed ones it checks the answers: points known to lie inside a ward, an enclave, a lake or
 * an island; points exactly on shared vertices (lowest code wins); random points against a
 * brute-force scan with the reference `containment`; and the unit each rule should pick. A wrong
 * answer throws, so a fast wrong index cannot pass.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AreaIndex, containment, bboxOf, type AreaGeometry } from '../../server/domain/geo-index';
import { routeReport, type RoutingRule } from '../../server/domain/routing';
import { Rng } from '../seed/random';
import type { Row } from './run';

export const name = 'routing';

/** Points per second the issue asks for. */
const TARGET_POINTS_PER_S = 50_000;

interface Size {
  cols: number;
  rows: number;
  /** Segments per side of a cell: a cell's ring has 4 × this + 1 vertices. */
  sideSegments: number;
  points: number;
  /** Points checked against the brute-force reference. */
  referenceChecks: number;
  passes: number;
}

const FULL: Size = {
  cols: 80,
  rows: 125,
  sideSegments: 125,
  points: 100_000,
  referenceChecks: 3_000,
  passes: 3,
};
const SMOKE: Size = { cols: 12, rows: 10, sideSegments: 20, points: 2_000, referenceChecks: 300, passes: 1 };

/** The region: a cell is 0.1° of longitude by 0.12° of latitude, from 102°E 8.5°N (80 × 125 cells ≈ Vietnam's extent). */
const LNG0 = 102;
const LAT0 = 8.5;
const CELL_W = 0.1;
const CELL_H = 0.12;
/** Corner jitter and side wiggle, in cell units; together they stay below 0.25, so a cell's centre box (±0.22) is inside it. */
const JITTER = 0.18;
const WIGGLE = 0.05;
const CENTRE_BOX = 0.22;
/** Holes: a 40-gon of radius 0.14..0.16 around a cell's centre (inner radius > 0.139). */
const HOLE_CHANCE = 0.01;
const HOLE_SURE_INSIDE = 0.1;
const HOLE_SURE_OUTSIDE = 0.17;

const CATEGORIES = ['traffic', 'street_lighting', 'trees', 'urban_infrastructure', 'social_order', 'environment'];
const IOC_UNIT = 1;

interface BenchArea {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** What the generator knows for certain, to check answers against. */
interface Truth {
  /** A point and the area code it must land in (null: outside every area). */
  known: { lng: number; lat: number; code: string | null }[];
  /** A point exactly on a boundary vertex and the codes of every area sharing it. */
  shared: { lng: number; lat: number; codes: string[] }[];
}

interface World {
  areas: BenchArea[];
  truth: Truth;
  vertices: number;
  multiPolygons: number;
  holes: number;
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
const toLng = (x: number) => round7(LNG0 + x * CELL_W);
const toLat = (y: number) => round7(LAT0 + y * CELL_H);

/** A closed ring of `n` vertices around (cx, cy) in cell units, radius in [rMin, rMax], counter-clockwise. */
function blob(rng: Rng, cx: number, cy: number, n: number, rMin: number, rMax: number): number[][] {
  const ring: number[][] = [];
  const phase = rng.next() * Math.PI * 2;
  for (let k = 0; k < n; k++) {
    const a = phase + (k / n) * Math.PI * 2;
    const r = rMin + rng.next() * (rMax - rMin);
    ring.push([toLng(cx + r * Math.cos(a)), toLat(cy + r * Math.sin(a))]);
  }
  ring.push([ring[0]![0]!, ring[0]![1]!]);
  return ring;
}

/** A fresh copy of a ring, as JSON.parse would give each area its own arrays. */
const copyRing = (ring: number[][]) => ring.map(([x, y]) => [x!, y!]);

/**
 * The country: `cols` × `rows` wards on a jittered grid. Every grid side is one polyline of
 * `sideSegments` segments (a smooth wiggle tapered to zero at the corners plus digitising noise: a
 * graph over the side's axis, so it never crosses itself or its neighbours), computed once and
 * copied into both wards it separates, so neighbours share exact vertices.
 */
function buildWorld(size: Size, seed: number): World {
  const rng = new Rng(seed);
  const { cols, rows, sideSegments: S } = size;

  // Grid corners in cell units; border corners only slide along the border, the four corners stay.
  const cx: number[][] = [];
  const cy: number[][] = [];
  for (let i = 0; i <= cols; i++) {
    cx.push([]);
    cy.push([]);
    for (let j = 0; j <= rows; j++) {
      const jx = i === 0 || i === cols ? 0 : (rng.next() * 2 - 1) * JITTER;
      const jy = j === 0 || j === rows ? 0 : (rng.next() * 2 - 1) * JITTER;
      cx[i]!.push(i + jx);
      cy[i]!.push(j + jy);
    }
  }

  /** Side polyline from corner a to corner b, S + 1 vertices in degrees. */
  const side = (ax: number, ay: number, bx: number, by: number): number[][] => {
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    const nx = -dy / len;
    const ny = dx / len;
    const waves = [1, 2, 3].map((f) => ({ f: f + rng.next(), phase: rng.next() * Math.PI * 2, amp: rng.next() }));
    const ampSum = waves.reduce((s, w) => s + w.amp, 0) || 1;
    const out: number[][] = [];
    for (let k = 0; k <= S; k++) {
      const t = k / S;
      let off = 0;
      if (k > 0 && k < S) {
        for (const w of waves) off += w.amp * Math.sin(2 * Math.PI * w.f * t + w.phase);
        off = (off / ampSum) * 0.8 + (rng.next() * 2 - 1) * 0.2;
        off *= WIGGLE * Math.sin(Math.PI * t);
      }
      out.push([toLng(ax + t * dx + off * nx), toLat(ay + t * dy + off * ny)]);
    }
    return out;
  };

  // horizontal[i][j]: corner (i, j) -> (i + 1, j); vertical[i][j]: corner (i, j) -> (i, j + 1).
  const horizontal: number[][][][] = [];
  const vertical: number[][][][] = [];
  for (let i = 0; i <= cols; i++) {
    horizontal.push([]);
    vertical.push([]);
    for (let j = 0; j <= rows; j++) {
      if (i < cols) horizontal[i]!.push(side(cx[i]![j]!, cy[i]![j]!, cx[i + 1]![j]!, cy[i + 1]![j]!));
      if (j < rows) vertical[i]!.push(side(cx[i]![j]!, cy[i]![j]!, cx[i]![j + 1]!, cy[i]![j + 1]!));
    }
  }

  // Codes: a seeded shuffle of five-digit commune codes, so code order says nothing about position.
  const enclaveCount = Math.max(1, Math.round(cols * rows * HOLE_CHANCE * 0.5));
  const codes = Array.from({ length: cols * rows + enclaveCount * 2 }, (_, k) => String(k + 1).padStart(5, '0'));
  for (let k = codes.length - 1; k > 0; k--) {
    const r = Math.floor(rng.next() * (k + 1));
    [codes[k], codes[r]] = [codes[r]!, codes[k]!];
  }
  let nextCode = 0;
  const cellCode: string[][] = [];

  const areas: BenchArea[] = [];
  const truth: Truth = { known: [], shared: [] };
  let multiPolygons = 0;
  let holes = 0;
  for (let i = 0; i < cols; i++) {
    cellCode.push([]);
    for (let j = 0; j < rows; j++) {
      const code = codes[nextCode++]!;
      cellCode[i]!.push(code);
      // Counter-clockwise: bottom forward, right forward, top backward, left backward.
      const outer = [
        ...copyRing(horizontal[i]![j]!),
        ...copyRing(vertical[i + 1]![j]!).slice(1),
        ...copyRing(horizontal[i]![j + 1]!)
          .reverse()
          .slice(1),
        ...copyRing(vertical[i]![j]!).reverse().slice(1),
      ];
      const polygon: number[][][] = [outer];
      const centreX = i + 0.5;
      const centreY = j + 0.5;
      /** The enclave's code, 'lake' for an empty hole, null without one. */
      let hole: string | null = null;
      if (rng.chance(HOLE_CHANCE) || (i === 1 && j === 1)) {
        holes++;
        const ring = blob(rng, centreX, centreY, 40, 0.14, 0.16);
        polygon.push(copyRing(ring).reverse()); // holes clockwise
        if (rng.chance(0.5) || (i === 1 && j === 1)) {
          const enclave = codes[nextCode++]!;
          hole = enclave;
          areas.push({
            code: enclave,
            name: `Thị trấn ${enclave}`,
            geometry: { type: 'Polygon', coordinates: [ring] },
          });
          // A vertex of the hole is on both the enclave and the ward around it.
          const v = ring[Math.floor(rng.next() * 40)]!;
          truth.shared.push({ lng: v[0]!, lat: v[1]!, codes: [code, enclave] });
        } else hole = 'lake';
      }
      // Coastal wards on the east and south coasts sometimes own an offshore island.
      const islands: number[][][][] = [];
      const islandAt = (ix: number, iy: number) => {
        islands.push([blob(rng, ix, iy, 60, 0.15, 0.22)]);
        truth.known.push({ lng: toLng(ix + 0.05), lat: toLat(iy - 0.05), code });
      };
      if (i === cols - 1 && (rng.chance(0.25) || j === 0)) islandAt(cols + 0.6 + rng.next() * 0.3, centreY);
      if (j === 0 && rng.chance(0.25)) islandAt(centreX, -0.6 - rng.next() * 0.3);
      if (islands.length) {
        multiPolygons++;
        areas.push({
          code,
          name: `Xã ${code}`,
          geometry: { type: 'MultiPolygon', coordinates: [polygon, ...islands] },
        });
      } else areas.push({ code, name: `Xã ${code}`, geometry: { type: 'Polygon', coordinates: polygon } });

      // Known points: one in the centre box of every ward (in the enclave, the lake or the ward around them).
      for (let tries = 0; tries < 20; tries++) {
        const px = centreX + (rng.next() * 2 - 1) * CENTRE_BOX;
        const py = centreY + (rng.next() * 2 - 1) * CENTRE_BOX;
        const d = Math.hypot(px - centreX, py - centreY);
        let expected: string | null = code;
        if (hole !== null && d < HOLE_SURE_INSIDE) expected = hole === 'lake' ? null : hole;
        else if (hole !== null && d < HOLE_SURE_OUTSIDE) continue; // too close to the hole's ring to know
        truth.known.push({ lng: LNG0 + px * CELL_W, lat: LAT0 + py * CELL_H, code: expected });
        break;
      }
    }
  }

  // Points exactly on shared boundaries: grid corners (up to four wards) and side vertices (two).
  const owners = (i: number, j: number) => {
    const out: string[] = [];
    for (const [a, b] of [
      [i - 1, j - 1],
      [i, j - 1],
      [i - 1, j],
      [i, j],
    ] as const)
      if (a >= 0 && b >= 0 && a < cols && b < rows) out.push(cellCode[a]![b]!);
    return out;
  };
  const sharedCount = Math.min(2_000, cols * rows);
  for (let n = 0; n < sharedCount; n++) {
    const i = rng.int(0, cols - 1);
    const j = rng.int(0, rows - 1);
    truth.shared.push({ lng: toLng(cx[i]![j]!), lat: toLat(cy[i]![j]!), codes: owners(i, j) });
    const k = rng.int(1, S - 1);
    if (rng.chance(0.5)) {
      const v = horizontal[i]![j]![k]!;
      truth.shared.push({ lng: v[0]!, lat: v[1]!, codes: owners(i + 1, j).filter((c) => owners(i, j).includes(c)) });
    } else {
      const v = vertical[i]![j]![k]!;
      truth.shared.push({ lng: v[0]!, lat: v[1]!, codes: owners(i, j + 1).filter((c) => owners(i, j).includes(c)) });
    }
  }
  // Far out at sea, beyond every island.
  for (let n = 0; n < 100; n++)
    truth.known.push({ lng: toLng(cols + 1.5 + rng.next() * 3), lat: toLat(rng.next() * rows), code: null });

  let vertices = 0;
  for (const a of areas) {
    const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
    for (const p of polys) for (const r of p) vertices += r.length;
  }
  return { areas, truth, vertices, multiPolygons, holes };
}

/** A rule per category (social order has none: only its ward-specific overrides) and overrides for some wards. */
function buildRules(areas: readonly BenchArea[], rng: Rng) {
  const rules: RoutingRule[] = [];
  const byCategory = new Map<string, number>();
  const overrides = new Map<string, number>();
  CATEGORIES.forEach((c, k) => {
    if (c === 'social_order') return;
    rules.push({ id: rules.length + 1, categoryCode: c, areaCode: null, unitId: 10 + k });
    byCategory.set(c, 10 + k);
  });
  const overrideCount = Math.min(200, areas.length);
  for (let n = 0; n < overrideCount; n++) {
    const area = rng.pick(areas).code;
    const category = rng.chance(0.5) ? 'social_order' : 'urban_infrastructure';
    const key = `${category}|${area}`;
    if (overrides.has(key)) continue;
    const unitId = 1_000 + n;
    rules.push({ id: rules.length + 1, categoryCode: category, areaCode: area, unitId });
    overrides.set(key, unitId);
  }
  /** What routing must answer, worked out independently of pickRule. */
  const expectedUnit = (category: string, area: string | null) =>
    area === null ? IOC_UNIT : (overrides.get(`${category}|${area}`) ?? byCategory.get(category) ?? IOC_UNIT);
  return { rules, expectedUnit };
}

/** The reference answer: every area whose box holds the point, tested with `containment`, same tie rules. */
function bruteForce(areas: readonly BenchArea[], boxes: readonly number[][], lng: number, lat: number) {
  let edge: string | null = null;
  for (let k = 0; k < areas.length; k++) {
    const b = boxes[k]!;
    if (lng < b[0]! || lat < b[1]! || lng > b[2]! || lat > b[3]!) continue;
    const where = containment(areas[k]!.geometry, lng, lat);
    if (where === 'inside') return areas[k]!.code;
    if (where === 'edge' && (edge === null || areas[k]!.code < edge)) edge = areas[k]!.code;
  }
  return edge;
}

/** Throws unless the index and routing give the answers the generator knows. */
function verify(
  world: World,
  index: AreaIndex<BenchArea>,
  rules: RoutingRule[],
  expectedUnit: (category: string, area: string | null) => number,
  sample: readonly { lng: number; lat: number; category: string }[],
): number {
  const failures: string[] = [];
  let checked = 0;
  const check = (lng: number, lat: number, category: string, code: string | null, what: string) => {
    checked++;
    const d = routeReport({ lng, lat }, category, index, rules, IOC_UNIT);
    const got = d.area?.code ?? null;
    const unit = expectedUnit(category, code);
    if (got !== code || d.unitId !== unit)
      failures.push(
        `${what} (${lng}, ${lat}) ${category}: got area ${got} unit ${d.unitId}, want ${code} unit ${unit}`,
      );
  };
  world.truth.known.forEach((p, n) => check(p.lng, p.lat, CATEGORIES[n % CATEGORIES.length]!, p.code, 'known point'));
  const byCode = new Map(world.areas.map((a) => [a.code, a] as const));
  world.truth.shared.forEach((p, n) => {
    if (p.codes.length === 0) throw new Error(`generator bug: shared vertex with no owner at ${p.lng}, ${p.lat}`);
    for (const c of p.codes) {
      const where = containment(byCode.get(c)!.geometry, p.lng, p.lat);
      if (where !== 'edge') failures.push(`generator: (${p.lng}, ${p.lat}) is ${where} of ${c}, not on its edge`);
    }
    check(p.lng, p.lat, CATEGORIES[n % CATEGORIES.length]!, [...p.codes].sort()[0]!, 'shared vertex');
  });
  const boxes = world.areas.map((a) => bboxOf(a.geometry));
  for (const p of sample) check(p.lng, p.lat, p.category, bruteForce(world.areas, boxes, p.lng, p.lat), 'random point');
  if (failures.length)
    throw new Error(
      `routing gave ${failures.length} wrong answers of ${checked}:\n${failures.slice(0, 10).join('\n')}`,
    );
  return checked;
}

let gcFn: (() => void) | null = null;
/** Heap plus array buffers after a full collection, in MB. */
function memoryMb(): number {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const info = (n: string, value: number, unit: string): Row => ({
  name: n,
  value: Number(value.toFixed(2)),
  unit,
  target: null,
  met: null,
});

/** The reports: 95 % anywhere in the country's box (a few on the coast fall in the sea), 5 % offshore. */
function buildPoints(size: Size, rng: Rng) {
  const { cols, rows } = size;
  const lngs = new Float64Array(size.points);
  const lats = new Float64Array(size.points);
  const categories: string[] = [];
  for (let n = 0; n < size.points; n++) {
    let x: number, y: number;
    if (rng.chance(0.95)) {
      x = rng.next() * cols;
      y = rng.next() * rows;
    } else {
      do {
        x = -2 + rng.next() * (cols + 4);
        y = -2 + rng.next() * (rows + 4);
      } while (x > 0 && x < cols && y > 0 && y < rows);
    }
    lngs[n] = LNG0 + x * CELL_W;
    lats[n] = LAT0 + y * CELL_H;
    categories.push(rng.pick(CATEGORIES));
  }
  return { lngs, lats, categories };
}

/** Runs the routing benchmark; `smoke` uses 122 small areas and 2,000 points. */
export async function run({ smoke }: { smoke: boolean }): Promise<Row[]> {
  const size = smoke ? SMOKE : FULL;
  const rng = new Rng(42);
  const t0 = performance.now();
  const memBefore = memoryMb();
  const world = buildWorld(size, 20_250_701);
  const memGeometry = memoryMb();
  const generateMs = performance.now() - t0;
  const { rules, expectedUnit } = buildRules(world.areas, rng);
  const { lngs, lats, categories } = buildPoints(size, rng);
  const memBase = memoryMb();
  let sink = 0;
  /** Routes every point once; points per second. */
  /** Per CPU second of this process too: on a shared machine wall time also counts others' turns. */
  const cpuRates: number[] = [];
  const routeAll = (index: AreaIndex<BenchArea>) => {
    const p0 = performance.now();
    const c0 = process.cpuUsage();
    for (let n = 0; n < size.points; n++) {
      const d = routeReport({ lng: lngs[n]!, lat: lats[n]! }, categories[n]!, index, rules, IOC_UNIT);
      sink += d.unitId + (d.area ? 1 : 0);
    }
    const cpu = process.cpuUsage(c0);
    cpuRates.push(size.points / ((cpu.user + cpu.system) / 1e6));
    return size.points / ((performance.now() - p0) / 1000);
  };

  // Build the index a few times (the last one is kept).
  const builds: number[] = [];
  let built: AreaIndex<BenchArea> | null = null;
  for (let n = 0; n < size.passes; n++) {
    built = null;
    const b0 = performance.now();
    built = new AreaIndex(world.areas);
    builds.push(performance.now() - b0);
  }
  const index = built!;
  // The first pass finds every area for the first time (the index prepares an area's rings then).
  const cold = routeAll(index);
  const memIndex = memoryMb();

  const sample = Array.from({ length: size.referenceChecks }, (_, n) => {
    const k = Math.floor((n * size.points) / size.referenceChecks);
    return { lng: lngs[k]!, lat: lats[k]!, category: categories[k]! };
  });
  const checked = verify(world, index, rules, expectedUnit, sample);
  let located = 0;
  for (let n = 0; n < size.points; n++) if (index.locate(lngs[n]!, lats[n]!)) located++;

  // Throughput: whole passes over the points, the decisions kept so none is optimised away.
  const rates: number[] = [];
  cpuRates.length = 0;
  for (let pass = 0; pass < size.passes; pass++) rates.push(routeAll(index));
  // The index alone (routing also scans the rule list for the most specific rule).
  const locates: number[] = [];
  for (let pass = 0; pass < size.passes; pass++) {
    const p0 = performance.now();
    for (let n = 0; n < size.points; n++) if (index.locate(lngs[n]!, lats[n]!)) sink++;
    locates.push(size.points / ((performance.now() - p0) / 1000));
  }
  // Latency of one routing decision, each timed on its own.
  const lat = new Float64Array(size.points);
  for (let n = 0; n < size.points; n++) {
    const p0 = performance.now();
    const d = routeReport({ lng: lngs[n]!, lat: lats[n]! }, categories[n]!, index, rules, IOC_UNIT);
    lat[n] = (performance.now() - p0) * 1000;
    sink += d.unitId;
  }
  lat.sort();
  if (sink === 0) throw new Error('no routing decision was made');

  const rate = median(rates);
  console.log(
    `routing: ${world.areas.length} areas (${world.multiPolygons} MultiPolygons, ${world.holes} with holes), ` +
      `${world.vertices} vertices, generated in ${generateMs.toFixed(0)} ms; builds ${builds.map((b) => b.toFixed(0)).join(', ')} ms; ` +
      `first pass ${Math.round(cold)} points/s; passes ${rates.map((r) => Math.round(r)).join(', ')} points/s, ` +
      `locate alone ${locates.map((r) => Math.round(r)).join(', ')}; ${checked} answers checked`,
  );
  return [
    info('routing.areas', world.areas.length, 'areas'),
    info('routing.vertices', world.vertices, 'vertices'),
    info('routing.points', size.points, 'points'),
    info('routing.located_pct', (located / size.points) * 100, '%'),
    info('routing.checked', checked, 'answers'),
    info('routing.geometry_mb', memGeometry - memBefore, 'MB'),
    info('routing.index_build_ms', median(builds), 'ms'),
    info('routing.heap_mb', memIndex - memBase, 'MB'),
    info('routing.first_pass_points_per_s', cold, 'points/s'),
    {
      name: 'routing.points_per_s',
      value: Math.round(rate),
      unit: 'points/s',
      target: `>= ${TARGET_POINTS_PER_S}`,
      met: rate >= TARGET_POINTS_PER_S,
    },
    info('routing.points_per_s_min', Math.min(...rates), 'points/s'),
    info('routing.points_per_cpu_s', median(cpuRates), 'points/s'),
    info('routing.locate_per_s', median(locates), 'points/s'),
    info('routing.p50_us', percentile(lat, 50), 'µs'),
    info('routing.p99_us', percentile(lat, 99), 'µs'),
    info('routing.max_us', lat[lat.length - 1]!, 'µs'),
  ];
}

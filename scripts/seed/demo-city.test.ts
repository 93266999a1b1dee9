import { describe, it, expect } from 'vitest';
import { demoCity, type DemoArea } from './demo-city';

type Point = [lng: number, lat: number];

const EPS = 1e-9;

function ringOf(area: DemoArea): number[][] {
  const ring = area.geometry.coordinates[0];
  if (!ring) throw new Error(`${area.code} has no outer ring`);
  return ring;
}

function pt(c: number[] | undefined): Point {
  if (!c || c.length !== 2) throw new Error(`bad coordinate ${JSON.stringify(c)}`);
  return [c[0] as number, c[1] as number];
}

/** The ring's edges as pairs of points (the ring is closed, so n coordinates give n - 1 edges). */
function edges(ring: number[][]): [Point, Point][] {
  const out: [Point, Point][] = [];
  for (let i = 0; i + 1 < ring.length; i++) out.push([pt(ring[i]), pt(ring[i + 1])]);
  return out;
}

/** Twice the signed area (shoelace); positive for a counter-clockwise ring in (lng, lat). */
function signedArea2(ring: number[][]): number {
  let sum = 0;
  for (const [[x1, y1], [x2, y2]] of edges(ring)) sum += x1 * y2 - x2 * y1;
  return sum;
}

/** Distance (in degrees) from p to the segment a-b. */
function distToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distToBoundary(p: Point, ring: number[][]): number {
  return Math.min(...edges(ring).map(([a, b]) => distToSegment(p, a, b)));
}

/** Ray casting (even-odd); only meaningful for points not on the boundary. */
function inRing([x, y]: Point, ring: number[][]): boolean {
  let inside = false;
  for (const [[x1, y1], [x2, y2]] of edges(ring)) {
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** Strictly inside: inside by ray casting and not on the boundary. */
function strictlyInside(p: Point, ring: number[][]): boolean {
  return distToBoundary(p, ring) > EPS && inRing(p, ring);
}

function onBoundary(p: Point, ring: number[][]): boolean {
  return distToBoundary(p, ring) <= EPS;
}

function orient(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Proper crossing of two segments (touching at shared endpoints does not count). */
function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

const same = (a: Point, b: Point) => a[0] === b[0] && a[1] === b[1];

function areaByCode(code: string): DemoArea {
  const area = demoCity.areas.find((a) => a.code === code);
  if (!area) throw new Error(`no area ${code}`);
  return area;
}

function areasContaining(p: Point): string[] {
  return demoCity.areas.filter((a) => strictlyInside(p, ringOf(a))).map((a) => a.code);
}

/** Edges of `a` that also appear (reversed) in `b`: a shared boundary. */
function sharedEdges(a: DemoArea, b: DemoArea): [Point, Point][] {
  const eb = edges(ringOf(b));
  return edges(ringOf(a)).filter(([p, q]) => eb.some(([r, s]) => same(p, s) && same(q, r)));
}

const VI_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

describe('demo city areas', () => {
  it('has the three post-2025 wards of former Tuy Hòa', () => {
    expect(demoCity.areas.map((a) => a.code).sort()).toEqual(['phuong-binh-kien', 'phuong-phu-yen', 'phuong-tuy-hoa']);
    expect(areaByCode('phuong-tuy-hoa').nameVi).toBe('Phường Tuy Hòa');
    expect(areaByCode('phuong-phu-yen').nameVi).toBe('Phường Phú Yên');
    expect(areaByCode('phuong-binh-kien').nameVi).toBe('Phường Bình Kiến');
    for (const a of demoCity.areas) expect(a.note).toBe('approximate demo boundaries');
  });

  for (const area of demoCity.areas) {
    describe(area.code, () => {
      const ring = ringOf(area);

      it('is a single closed ring of 10-25 distinct vertices inside the city bounds', () => {
        expect(area.geometry.type).toBe('Polygon');
        expect(area.geometry.coordinates).toHaveLength(1);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        const distinct = new Set(ring.slice(0, -1).map((c) => c.join(',')));
        expect(distinct.size).toBe(ring.length - 1);
        expect(distinct.size).toBeGreaterThanOrEqual(10);
        expect(distinct.size).toBeLessThanOrEqual(25);
        for (const c of ring) {
          const [lng, lat] = pt(c);
          expect(lng).toBeGreaterThanOrEqual(109.18);
          expect(lng).toBeLessThanOrEqual(109.35);
          expect(lat).toBeGreaterThanOrEqual(13.01);
          expect(lat).toBeLessThanOrEqual(13.18);
        }
      });

      it('is counter-clockwise', () => {
        expect(signedArea2(ring)).toBeGreaterThan(0);
      });

      it('does not intersect itself', () => {
        const es = edges(ring);
        for (let i = 0; i < es.length; i++) {
          for (let j = i + 2; j < es.length; j++) {
            if (i === 0 && j === es.length - 1) continue; // neighbours through the closing vertex
            const [a, b] = es[i] as [Point, Point];
            const [c, d] = es[j] as [Point, Point];
            expect(segmentsCross(a, b, c, d), `edges ${i} and ${j}`).toBe(false);
          }
        }
      });
    });
  }

  it('no sample point lies strictly inside two areas', () => {
    let covered = 0;
    const overlaps: string[] = [];
    for (let i = 0; i <= 243; i++) {
      for (let j = 0; j <= 243; j++) {
        const p: Point = [109.18 + i * 0.0007, 13.01 + j * 0.0007];
        const hits = areasContaining(p);
        if (hits.length > 1) overlaps.push(`(${p.join(', ')}) in ${hits.join(' and ')}`);
        if (hits.length === 1) covered++;
      }
    }
    expect(overlaps).toEqual([]);
    expect(covered).toBeGreaterThan(10000);
  });

  it('neighbours share their boundaries exactly (no T-junctions)', () => {
    for (const a of demoCity.areas) {
      for (const b of demoCity.areas) {
        if (a === b) continue;
        const vb = ringOf(b).map(pt);
        for (const v of ringOf(a).map(pt)) {
          if (onBoundary(v, ringOf(b)))
            expect(
              vb.some((w) => same(v, w)),
              `${a.code} vertex ${v} on ${b.code}`,
            ).toBe(true);
        }
      }
    }
  });

  it('leaves no gap along shared edges', () => {
    for (const a of demoCity.areas) {
      for (const b of demoCity.areas) {
        if (a === b) continue;
        for (const [[x1, y1], [x2, y2]] of sharedEdges(a, b)) {
          const mid: Point = [(x1 + x2) / 2, (y1 + y2) / 2];
          const len = Math.hypot(x2 - x1, y2 - y1);
          // Left of the edge is inside `a` (counter-clockwise), right is inside `b`.
          const nx = (-(y2 - y1) / len) * 1e-5;
          const ny = ((x2 - x1) / len) * 1e-5;
          expect(areasContaining([mid[0] + nx, mid[1] + ny])).toEqual([a.code]);
          expect(areasContaining([mid[0] - nx, mid[1] - ny])).toEqual([b.code]);
        }
      }
    }
  });

  it('Tuy Hòa borders both neighbours; Phú Yên and Bình Kiến meet only at the tri-point', () => {
    const th = areaByCode('phuong-tuy-hoa');
    const py = areaByCode('phuong-phu-yen');
    const bk = areaByCode('phuong-binh-kien');
    expect(sharedEdges(th, py)).toHaveLength(6); // the Đà Rằng river, tri-point to mouth
    expect(sharedEdges(th, bk)).toHaveLength(6); // tri-point to the coast north of the centre
    expect(sharedEdges(py, bk)).toHaveLength(0);
    const common = ringOf(py)
      .slice(0, -1)
      .map(pt)
      .filter((v) => ringOf(bk).some((w) => same(v, pt(w))));
    expect(common).toEqual([[109.27, 13.082]]);
  });

  it('classifies the reference points used by routing tests', () => {
    expect(areasContaining([109.3, 13.095])).toEqual(['phuong-tuy-hoa']); // city centre
    expect(areasContaining([109.3339, 13.0496])).toEqual(['phuong-phu-yen']); // Tuy Hòa airport
    expect(areasContaining([109.26, 13.13])).toEqual(['phuong-binh-kien']);
    expect(areasContaining([109.345, 13.1])).toEqual([]); // East Sea
    expect(areasContaining([109.25, 13.05])).toEqual([]); // south of the river, west of the city
    // Exactly on horizontal shared edges, between two vertices.
    const onTuyHoaPhuYen: Point = [109.285, 13.0835];
    const onTuyHoaBinhKien: Point = [109.3, 13.12];
    expect(onBoundary(onTuyHoaPhuYen, ringOf(areaByCode('phuong-tuy-hoa')))).toBe(true);
    expect(onBoundary(onTuyHoaPhuYen, ringOf(areaByCode('phuong-phu-yen')))).toBe(true);
    expect(onBoundary(onTuyHoaBinhKien, ringOf(areaByCode('phuong-tuy-hoa')))).toBe(true);
    expect(onBoundary(onTuyHoaBinhKien, ringOf(areaByCode('phuong-binh-kien')))).toBe(true);
  });
});

describe('demo city places', () => {
  it('has 30-45 places spread over all three areas', () => {
    expect(demoCity.places.length).toBeGreaterThanOrEqual(30);
    expect(demoCity.places.length).toBeLessThanOrEqual(45);
    for (const a of demoCity.areas) {
      expect(demoCity.places.filter((p) => p.areaCode === a.code).length).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(demoCity.places.map((p) => p.street)).size).toBe(demoCity.places.length);
  });

  for (const place of demoCity.places) {
    it(`${place.street} lies inside ${place.areaCode} and only there`, () => {
      const p: Point = [place.lng, place.lat];
      expect(areasContaining(p)).toEqual([place.areaCode]);
      // Clear of the boundary (about 40 m), so small edits to the polygons do not flip it.
      expect(distToBoundary(p, ringOf(areaByCode(place.areaCode)))).toBeGreaterThan(0.0004);
    });
  }
});

describe('demo city units, categories and rules', () => {
  const unitCodes = new Set(demoCity.units.map((u) => u.code));
  const categoryCodes = new Set(demoCity.categories.map((c) => c.code));
  const areaCodes = new Set(demoCity.areas.map((a) => a.code));

  it('has unique kebab-case unit codes, the IOC and one committee per ward', () => {
    expect(unitCodes.size).toBe(demoCity.units.length);
    for (const code of unitCodes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const code of ['ioc', 'urban-management', 'public-lighting', 'parks-trees', 'traffic-police', 'environment']) {
      expect(unitCodes.has(code), code).toBe(true);
    }
    expect(demoCity.units.filter((u) => u.kind === 'ioc').map((u) => u.code)).toEqual(['ioc']);
    for (const area of demoCity.areas) {
      const committees = demoCity.units.filter((u) => u.kind === 'ward_committee' && u.areaCode === area.code);
      expect(committees.map((u) => u.code)).toEqual([`ubnd-${area.code}`]);
    }
    for (const u of demoCity.units) {
      if (u.areaCode !== undefined) expect(areaCodes.has(u.areaCode)).toBe(true);
    }
  });

  it('has the six categories with their deadlines and icons', () => {
    expect(demoCity.categories.map((c) => c.code)).toEqual([
      'traffic',
      'street_lighting',
      'trees',
      'urban_infrastructure',
      'social_order',
      'environment',
    ]);
    const byCode = Object.fromEntries(demoCity.categories.map((c) => [c.code, c]));
    expect(byCode.traffic?.deadline).toEqual({ value: 4, unit: 'hours' });
    expect(byCode.traffic?.defaultPriority).toBe('high');
    expect(byCode.social_order?.deadline).toEqual({ value: 24, unit: 'hours' });
    expect(byCode.trees?.deadline).toEqual({ value: 1, unit: 'working_days' });
    expect(byCode.urban_infrastructure?.deadline).toEqual({ value: 3, unit: 'working_days' });
    for (const c of demoCity.categories) {
      expect(['traffic', 'lightbulb', 'tree', 'road', 'shield', 'trash']).toContain(c.icon);
      expect(c.deadline.value).toBeGreaterThan(0);
      // The city's rule is processing within 3 days.
      expect(c.deadline.unit === 'hours' ? c.deadline.value <= 72 : c.deadline.value <= 3).toBe(true);
    }
    expect(new Set(demoCity.categories.map((c) => c.sortOrder)).size).toBe(demoCity.categories.length);
  });

  it('has rules that point at existing codes, one per (category, area)', () => {
    const keys = new Set<string>();
    for (const r of demoCity.rules) {
      expect(unitCodes.has(r.unitCode), r.unitCode).toBe(true);
      if (r.categoryCode !== null) expect(categoryCodes.has(r.categoryCode), r.categoryCode).toBe(true);
      if (r.areaCode !== null) expect(areaCodes.has(r.areaCode), r.areaCode).toBe(true);
      const key = `${r.categoryCode ?? '*'}|${r.areaCode ?? '*'}`;
      expect(keys.has(key), key).toBe(false);
      keys.add(key);
    }
    for (const c of categoryCodes)
      expect(
        demoCity.rules.some((r) => r.categoryCode === c),
        c,
      ).toBe(true);
  });

  it('routes as the demo describes', () => {
    const find = (categoryCode: string, areaCode: string | null) =>
      demoCity.rules.find((r) => r.categoryCode === categoryCode && r.areaCode === areaCode)?.unitCode;
    expect(find('street_lighting', null)).toBe('public-lighting');
    expect(find('trees', null)).toBe('parks-trees');
    expect(find('traffic', null)).toBe('traffic-police');
    expect(find('environment', null)).toBe('environment');
    expect(find('urban_infrastructure', null)).toBe('urban-management');
    expect(find('urban_infrastructure', 'phuong-phu-yen')).toBe('ubnd-phuong-phu-yen');
    expect(find('social_order', null)).toBeUndefined();
    for (const a of areaCodes) expect(find('social_order', a)).toBe(`ubnd-${a}`);
  });
});

describe('demo city texts', () => {
  it('has descriptions and replies for every category and nothing else', () => {
    const codes = demoCity.categories.map((c) => c.code).sort();
    expect(Object.keys(demoCity.descriptions).sort()).toEqual(codes);
    expect(Object.keys(demoCity.replies).sort()).toEqual(codes);
    for (const code of codes) {
      const d = demoCity.descriptions[code] ?? [];
      const r = demoCity.replies[code] ?? [];
      expect(d.length, code).toBeGreaterThanOrEqual(10);
      expect(d.length, code).toBeLessThanOrEqual(15);
      expect(new Set(d).size).toBe(d.length);
      expect(r.length, code).toBeGreaterThanOrEqual(4);
      expect(r.length, code).toBeLessThanOrEqual(6);
      expect(new Set(r).size).toBe(r.length);
    }
  });

  it('has reasons and resident names', () => {
    expect(demoCity.rejectReasons.length).toBeGreaterThanOrEqual(5);
    expect(demoCity.rejectReasons.length).toBeLessThanOrEqual(6);
    expect(demoCity.handBackReasons.length).toBeGreaterThanOrEqual(3);
    expect(demoCity.handBackReasons.length).toBeLessThanOrEqual(4);
    expect(demoCity.residentNames).toHaveLength(20);
    expect(new Set(demoCity.residentNames).size).toBe(20);
    for (const n of demoCity.residentNames) expect(n.split(' ').length).toBeGreaterThanOrEqual(3);
  });

  it('writes Vietnamese with full diacritics (NFC, never ASCII-folded)', () => {
    expect(demoCity.areas.some((a) => /[ưò]/u.test(a.nameVi))).toBe(true);
    const texts: string[] = [
      ...demoCity.areas.flatMap((a) => [a.nameVi, ...a.formerVi]),
      ...demoCity.units.map((u) => u.nameVi),
      ...demoCity.categories.flatMap((c) => [c.nameVi, c.groupVi, c.descriptionVi, ...c.keywords]),
      ...demoCity.users.map((u) => u.displayName),
      ...demoCity.places.map((p) => p.street),
      ...Object.values(demoCity.descriptions).flat(),
      ...Object.values(demoCity.replies).flat(),
      ...demoCity.rejectReasons,
      ...demoCity.handBackReasons,
      ...demoCity.residentNames,
    ];
    for (const t of texts) {
      expect(t.normalize('NFC'), t).toBe(t);
      expect(VI_LETTER.test(t), t).toBe(true);
      expect(t, t).not.toMatch(/\b(Tuy Hoa|Phu Yen|Binh Kien|Phuong|Duong|Cho)\b/);
      expect(t.trim(), t).toBe(t);
    }
  });
});

describe('demo city users', () => {
  it('includes exactly the four demo logins', () => {
    const byName = Object.fromEntries(demoCity.users.map((u) => [u.username, u]));
    expect(Object.keys(byName)).toHaveLength(demoCity.users.length);
    expect(byName.operator).toEqual({
      username: 'operator',
      displayName: 'Nguyễn Thị Lan',
      role: 'operator',
      unitCode: 'ioc',
    });
    expect(byName['staff.lighting']).toEqual({
      username: 'staff.lighting',
      displayName: 'Trần Văn Minh',
      role: 'staff',
      unitCode: 'public-lighting',
    });
    expect(byName.leader).toMatchObject({ username: 'leader', displayName: 'Lê Hoàng Nam', role: 'leader' });
    expect(byName.admin).toEqual({ username: 'admin', displayName: 'Phạm Quốc Huy', role: 'admin', unitCode: 'ioc' });
    // The other accounts are unit staff only.
    const others = demoCity.users.filter(
      (u) => !['operator', 'staff.lighting', 'leader', 'admin'].includes(u.username),
    );
    for (const u of others) expect(u.role, u.username).toBe('staff');
  });

  it('gives every staff account an existing unit', () => {
    const unitCodes = new Set(demoCity.units.map((u) => u.code));
    for (const u of demoCity.users) {
      if (u.role === 'staff') expect(u.unitCode, u.username).toBeDefined();
      if (u.unitCode !== undefined) expect(unitCodes.has(u.unitCode), u.username).toBe(true);
      expect(u.username).toMatch(/^[a-z]+(\.[a-z]+)?$/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { demoCity } from '../../scripts/seed/demo-city';
import { AreaIndex, containment, type AreaGeometry } from './geo-index';
import { pickRule, routeReport, type RoutingRule } from './routing';

const index = new AreaIndex(
  demoCity.areas.map((a) => ({ code: a.code, name: a.nameVi, geometry: a.geometry as AreaGeometry })),
);
const unitIds = new Map(demoCity.units.map((u, i) => [u.code, i + 1]));
const rules: RoutingRule[] = demoCity.rules.map((r, i) => ({
  id: i + 1,
  categoryCode: r.categoryCode,
  areaCode: r.areaCode,
  unitId: unitIds.get(r.unitCode)!,
}));
const IOC = unitIds.get('ioc')!;
const unitCodeOf = (id: number) => [...unitIds].find(([, v]) => v === id)![0];

// A point strictly inside each demo ward: the average of its places.
const placeIn = (areaCode: string) => demoCity.places.find((p) => p.areaCode === areaCode)!;

// A vertex that two demo wards share: exactly on both boundaries (a midpoint would suffer rounding).
function sharedVertex(): { lng: number; lat: number; codes: string[] } {
  const owners = new Map<string, Set<string>>();
  for (const a of demoCity.areas) {
    for (const v of a.geometry.coordinates[0]!)
      owners.set(v.join(','), (owners.get(v.join(',')) ?? new Set()).add(a.code));
  }
  const [key, codes] = [...owners].find(([, c]) => c.size === 2)!;
  const [lng, lat] = key.split(',').map(Number) as [number, number];
  return { lng, lat, codes: [...codes] };
}

describe('routing over the demo wards', () => {
  it.each(demoCity.areas.map((a) => a.code))('places a point inside %s in that ward', (code) => {
    const p = placeIn(code);
    expect(routeReport(p, 'street_lighting', index, rules, IOC).area?.code).toBe(code);
  });

  it('routes a street-light report anywhere to the public lighting company', () => {
    for (const a of demoCity.areas) {
      const decision = routeReport(placeIn(a.code), 'street_lighting', index, rules, IOC);
      expect(unitCodeOf(decision.unitId)).toBe('public-lighting');
    }
  });

  it('sends urban infrastructure in Phường Phú Yên to its ward committee, elsewhere to urban management', () => {
    expect(unitCodeOf(routeReport(placeIn('phuong-phu-yen'), 'urban_infrastructure', index, rules, IOC).unitId)).toBe(
      'ubnd-phuong-phu-yen',
    );
    expect(unitCodeOf(routeReport(placeIn('phuong-tuy-hoa'), 'urban_infrastructure', index, rules, IOC).unitId)).toBe(
      'urban-management',
    );
  });

  it('puts a point on the boundary of two wards in exactly one of them, the same every time', () => {
    const edge = sharedVertex();
    for (const code of edge.codes) {
      const geometry = demoCity.areas.find((a) => a.code === code)!.geometry as AreaGeometry;
      expect(containment(geometry, edge.lng, edge.lat)).toBe('edge');
    }
    const decision = routeReport(edge, 'trees', index, rules, IOC);
    expect(decision.area?.code).toBe([...edge.codes].sort()[0]);
    const reversed = new AreaIndex([...index.areas].reverse());
    expect(routeReport(edge, 'trees', reversed, rules, IOC).area?.code).toBe(decision.area?.code);
  });

  it('sends a street-light report out at sea, outside every ward, to the IOC with no area', () => {
    const decision = routeReport({ lat: 13.1, lng: 109.345 }, 'street_lighting', index, rules, IOC);
    expect(decision).toEqual({ area: null, unitId: IOC, ruleId: null });
  });

  it('sends social order outside every ward to the IOC, since only ward-specific rules exist', () => {
    expect(routeReport({ lat: 13.3, lng: 109.1 }, 'social_order', index, rules, IOC).unitId).toBe(IOC);
  });
});

describe('pickRule', () => {
  const table: RoutingRule[] = [
    { id: 1, categoryCode: null, areaCode: null, unitId: 10 },
    { id: 2, categoryCode: null, areaCode: 'a', unitId: 20 },
    { id: 3, categoryCode: 'c', areaCode: null, unitId: 30 },
    { id: 4, categoryCode: 'c', areaCode: 'a', unitId: 40 },
  ];
  it.each([
    ['c', 'a', 4],
    ['c', 'b', 3],
    ['c', null, 3],
    ['d', 'a', 2],
    ['d', 'b', 1],
    ['d', null, 1],
  ] as const)('for category %s in area %s picks rule %i (most specific wins)', (category, area, id) => {
    expect(pickRule(table, category, area)?.id).toBe(id);
  });

  it('finds no rule when nothing matches', () => {
    expect(pickRule(table.slice(2), 'd', 'a')).toBeNull();
  });
});

describe('containment', () => {
  const withHole: AreaGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ],
  };
  it('treats a point in a hole as outside and on the hole edge as edge', () => {
    expect(containment(withHole, 5, 5)).toBe('outside');
    expect(containment(withHole, 4, 5)).toBe('edge');
    expect(containment(withHole, 2, 2)).toBe('inside');
  });
  it('finds points in any part of a MultiPolygon', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        withHole.coordinates,
        [
          [
            [20, 20],
            [21, 20],
            [21, 21],
            [20, 20],
          ],
        ],
      ],
    };
    expect(containment(multi, 20.8, 20.5)).toBe('inside');
    expect(containment(multi, 15, 15)).toBe('outside');
  });
});

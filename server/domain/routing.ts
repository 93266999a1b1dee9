import type { AreaIndex, IndexedArea } from './geo-index';

/** A routing rule: null category or area means "any". */
export interface RoutingRule {
  id: number;
  categoryCode: string | null;
  areaCode: string | null;
  unitId: number;
}

/** Where a report goes and why. */
export interface RouteDecision<A extends IndexedArea = IndexedArea> {
  area: A | null;
  unitId: number;
  /** The rule that decided, or null when nothing matched and the report goes to the IOC inbox. */
  ruleId: number | null;
}

/** How specific a rule is: category+area 3, category 2, area 1, catch-all 0. */
export function ruleSpecificity(rule: Pick<RoutingRule, 'categoryCode' | 'areaCode'>): number {
  return (rule.categoryCode !== null ? 2 : 0) + (rule.areaCode !== null ? 1 : 0);
}

const ANY = '\u0000any';
const key = (categoryCode: string | null, areaCode: string | null) => `${categoryCode ?? ANY}|${areaCode ?? ANY}`;

// One lookup table per rule list (a catalog snapshot keeps its list), so picking a rule costs four map
// reads however many rules a nation's worth of communes has, instead of a scan of all of them.
const tables = new WeakMap<readonly RoutingRule[], Map<string, RoutingRule>>();

function tableOf(rules: readonly RoutingRule[]): Map<string, RoutingRule> {
  let table = tables.get(rules);
  if (!table) {
    table = new Map();
    // Ties (two rules for the same category and area) go to the older rule, so adding one never silently steals.
    for (const r of [...rules].sort((a, b) => a.id - b.id)) {
      const k = key(r.categoryCode, r.areaCode);
      if (!table.has(k)) table.set(k, r);
    }
    tables.set(rules, table);
  }
  return table;
}

/**
 * The most specific rule for (category, area): category+area > category > area > catch-all. The rule
 * list must not be changed in place after its first use (the catalog builds a new list on every change).
 */
export function pickRule(
  rules: readonly RoutingRule[],
  categoryCode: string,
  areaCode: string | null,
): RoutingRule | null {
  const table = tableOf(rules);
  return (
    (areaCode !== null ? table.get(key(categoryCode, areaCode)) : undefined) ??
    table.get(key(categoryCode, null)) ??
    (areaCode !== null ? table.get(key(null, areaCode)) : undefined) ??
    table.get(key(null, null)) ??
    null
  );
}

/**
 * Routes a report: the area from the point, then the most specific rule for (category, area).
 * A point outside every area, or one no rule covers, goes to `fallbackUnitId` (the IOC inbox): never
 * lost, and never sent to a unit whose "any area" rule was meant for the city's own wards.
 */
export function routeReport<A extends IndexedArea>(
  point: { lat: number; lng: number },
  categoryCode: string,
  index: AreaIndex<A>,
  rules: readonly RoutingRule[],
  fallbackUnitId: number,
): RouteDecision<A> {
  const area = index.locate(point.lng, point.lat);
  const rule = area ? pickRule(rules, categoryCode, area.code) : null;
  return { area, unitId: rule?.unitId ?? fallbackUnitId, ruleId: rule?.id ?? null };
}

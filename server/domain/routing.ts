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

function specificity(rule: RoutingRule): number {
  return (rule.categoryCode !== null ? 2 : 0) + (rule.areaCode !== null ? 1 : 0);
}

/** The most specific rule for (category, area): category+area > category > area > catch-all. */
export function pickRule(
  rules: readonly RoutingRule[],
  categoryCode: string,
  areaCode: string | null,
): RoutingRule | null {
  let best: RoutingRule | null = null;
  for (const r of rules) {
    if (r.categoryCode !== null && r.categoryCode !== categoryCode) continue;
    if (r.areaCode !== null && r.areaCode !== areaCode) continue;
    // Ties (two rules equally specific) go to the older rule, so adding a rule never silently steals.
    if (best === null || specificity(r) > specificity(best)) best = r;
  }
  return best;
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

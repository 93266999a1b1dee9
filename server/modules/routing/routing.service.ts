import { AppError } from '../../domain/app-error';
import { pickRule, routeReport } from '../../domain/routing';
import type { CatalogService } from '../catalog/catalog.service';
import type { AreaRow, UnitRow } from '../catalog/catalog.repository';

/** Where a new report goes: its area at filing time and the responsible unit. */
export interface Routed {
  area: AreaRow | null;
  unit: UnitRow;
  ruleId: number | null;
}

/** Routes reports by ward polygon x category, over the catalog's in-memory index. */
export class RoutingService {
  constructor(private readonly catalog: CatalogService) {}

  /** The unit for a report filed by address in a ward picked from the list (no point yet). */
  routeByArea(areaCode: string, categoryCode: string): Routed {
    const snap = this.catalog.current();
    const area = snap.areas.find((a) => a.code === areaCode);
    if (!area) {
      throw new AppError('validation_failed', `Unknown ward "${areaCode}".`, [
        { path: 'areaCode', message: 'is not a ward of the city (see GET /api/areas)' },
      ]);
    }
    const rule = pickRule(snap.rules, categoryCode, area.code);
    return { area, unit: (rule && snap.unitById.get(rule.unitId)) || snap.iocUnit, ruleId: rule?.id ?? null };
  }

  /** The area and unit for a point and category; no area or no rule -> the IOC. */
  route(point: { lat: number; lng: number }, categoryCode: string): Routed {
    const snap = this.catalog.current();
    const decision = routeReport(point, categoryCode, snap.areaIndex, snap.rules, snap.iocUnit.id);
    const unit = snap.unitById.get(decision.unitId) ?? snap.iocUnit;
    return { area: decision.area?.row ?? null, unit, ruleId: decision.ruleId };
  }
}

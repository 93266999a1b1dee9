import { routeReport } from '../../domain/routing';
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

  /** The area and unit for a point and category; no area or no rule -> the IOC. */
  route(point: { lat: number; lng: number }, categoryCode: string): Routed {
    const snap = this.catalog.current();
    const decision = routeReport(point, categoryCode, snap.areaIndex, snap.rules, snap.iocUnit.id);
    const unit = snap.unitById.get(decision.unitId) ?? snap.iocUnit;
    return { area: decision.area?.row ?? null, unit, ruleId: decision.ruleId };
  }
}

import type { Clock } from '../../domain/clock';
import { AreaIndex, type AreaGeometry } from '../../domain/geo-index';
import type { RoutingRule } from '../../domain/routing';
import type { AreaRow, CatalogRepository, CategoryRow, RuleRow, UnitRow } from './catalog.repository';

/** An area in the routing index, with its row. */
export interface IndexedAreaRow {
  code: string;
  name: string;
  geometry: AreaGeometry;
  row: AreaRow;
}

/** The whole configuration in memory: read on every report, changed rarely. */
export interface CatalogSnapshot {
  categories: CategoryRow[];
  categoryByCode: Map<string, CategoryRow>;
  units: UnitRow[];
  unitById: Map<number, UnitRow>;
  iocUnit: UnitRow;
  areaIndex: AreaIndex<IndexedAreaRow>;
  areas: AreaRow[];
  rules: RoutingRule[];
}

/**
 * Serves categories, units, areas and rules from a snapshot built once and rebuilt when the
 * configuration changes (`invalidate`), so the hot path of filing a report reads no configuration rows.
 */
export class CatalogService {
  private snapshot: CatalogSnapshot | null = null;

  constructor(
    private readonly repo: CatalogRepository,
    private readonly clock: Clock,
  ) {}

  /** The current configuration. */
  current(): CatalogSnapshot {
    this.snapshot ??= this.build();
    return this.snapshot;
  }

  /** Drops the cached snapshot after a configuration change. */
  invalidate(): void {
    this.snapshot = null;
  }

  private build(): CatalogSnapshot {
    const categories = this.repo.categories();
    const units = this.repo.units();
    const iocUnit = units.find((u) => u.kind === 'ioc');
    if (!iocUnit) throw new Error('The city has no IOC unit: reports that match no rule would have nowhere to go.');
    const areas = this.repo.areasValidAt(this.clock.now());
    const indexed = areas.map((row) => ({
      code: row.code,
      name: row.nameVi,
      geometry: JSON.parse(row.geometry) as AreaGeometry,
      row,
    }));
    return {
      categories,
      categoryByCode: new Map(categories.map((c) => [c.code, c])),
      units,
      unitById: new Map(units.map((u) => [u.id, u])),
      iocUnit,
      areaIndex: new AreaIndex(indexed),
      areas,
      rules: this.repo
        .rules()
        .map((r: RuleRow) => ({ id: r.id, categoryCode: r.categoryCode, areaCode: r.areaCode, unitId: r.unitId })),
    };
  }
}

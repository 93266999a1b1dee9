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
  /** Categories residents can file in now (active). */
  categories: CategoryRow[];
  /** Every category by code, retired ones too: old reports keep their name and settings. */
  categoryByCode: Map<string, CategoryRow>;
  units: UnitRow[];
  unitById: Map<number, UnitRow>;
  iocUnit: UnitRow;
  areaIndex: AreaIndex<IndexedAreaRow>;
  areas: AreaRow[];
  rules: RoutingRule[];
}

/** How often (by the clock) the snapshot asks the database whether another process changed the configuration. */
export const CONFIG_CHECK_MS = 2_000;

/**
 * Serves categories, units, areas and rules from a snapshot built once, so the hot path of filing a
 * report reads no configuration rows. The snapshot is rebuilt at the next read when
 * - this process changes the configuration (`invalidate`, which also bumps `config_version`);
 * - another process (a script) did: every configuration write bumps the `config_version` row of
 *   `settings`, which is read (one indexed row) at most every `CONFIG_CHECK_MS`;
 * - the clock passes the next validity boundary of an area (a future-dated import takes effect on its
 *   date without a restart), or goes back before the build.
 * A snapshot built while a transaction is open (inside a configuration change) is used but not kept,
 * so rows that may still roll back never outlive it.
 */
export class CatalogService {
  private snapshot: CatalogSnapshot | null = null;
  private version = 0;
  private builtAt = 0;
  private validUntil = Infinity;
  private checkedAt = 0;

  constructor(
    private readonly repo: CatalogRepository,
    private readonly clock: Clock,
  ) {}

  /** The current configuration. */
  current(): CatalogSnapshot {
    const now = this.clock.now();
    if (this.snapshot && (now >= this.validUntil || now < this.builtAt)) this.snapshot = null;
    if (this.snapshot && now - this.checkedAt >= CONFIG_CHECK_MS) {
      this.checkedAt = now;
      if (this.repo.configVersion() !== this.version) this.snapshot = null;
    }
    if (this.snapshot) return this.snapshot;
    // The version first: a change committed by another process while building only costs one more build.
    const version = this.repo.configVersion();
    const snapshot = this.build(now);
    if (this.repo.inTransaction()) return snapshot;
    this.snapshot = snapshot;
    this.version = version;
    this.builtAt = now;
    this.checkedAt = now;
    this.validUntil = this.repo.nextAreaChangeAfter(now) ?? Infinity;
    return snapshot;
  }

  /**
   * Drops the cached snapshot after a configuration change and bumps `config_version` so other
   * processes rebuild theirs too. Call it inside the change's transaction (the bump then commits or
   * rolls back with the change) or right after it.
   */
  invalidate(): void {
    this.snapshot = null;
    try {
      this.repo.bumpConfigVersion();
    } catch {
      // The database is busy or read-only: this process still rebuilds; others see it at the next bump.
    }
  }

  private build(now: number): CatalogSnapshot {
    const everyCategory = this.repo.categories();
    const categories = everyCategory.filter((c) => c.active);
    const units = this.repo.units();
    const iocUnit = units.find((u) => u.kind === 'ioc');
    if (!iocUnit) throw new Error('The city has no IOC unit: reports that match no rule would have nowhere to go.');
    const areas = this.repo.areasValidAt(now);
    const indexed = areas.map((row) => ({
      code: row.code,
      name: row.nameVi,
      geometry: JSON.parse(row.geometry) as AreaGeometry,
      row,
    }));
    return {
      categories,
      categoryByCode: new Map(everyCategory.map((c) => [c.code, c])),
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

import { and, asc, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client';
import { areas, categories, routingRules, units } from '../../db/schema';

/** Row types of the catalog tables. */
export type CategoryRow = typeof categories.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type RuleRow = typeof routingRules.$inferSelect;

/** Boundaries in force at `at`: started by then and not yet ended. */
export function areaValidAt(at: number): SQL {
  return and(lte(areas.validFrom, at), or(isNull(areas.validTo), gt(areas.validTo, at)))!;
}

/** The `settings` key of the configuration version, bumped by every configuration change. */
export const CONFIG_VERSION_KEY = 'config_version';

/** Queries over the city's configuration: categories, areas, units, routing rules. */
export class CatalogRepository {
  // Prepared at first use (the schema may be migrated after the repository is made).
  private statements?: {
    version: Statement;
    bump: Statement;
    nextChange: Statement;
  };

  constructor(private readonly db: Db) {}

  private get sql() {
    const sqlite = this.db.$client;
    return (this.statements ??= {
      version: sqlite.prepare('select value from settings where key = ?').pluck(),
      bump: sqlite.prepare(
        `insert into settings (key, value) values (?, '1')
         on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`,
      ),
      nextChange: sqlite
        .prepare(
          `select min(t) from (select min(valid_from) as t from areas where valid_from > ?
                               union all select min(valid_to) from areas where valid_to > ?)`,
        )
        .pluck(),
    });
  }

  /** The configuration version (0 before any change was recorded); one indexed read. */
  configVersion(): number {
    const value = this.sql.version.get(CONFIG_VERSION_KEY) as string | undefined;
    return value === undefined ? 0 : Number(value);
  }

  /** Bumps the configuration version (inside the change's transaction, so both commit together). */
  bumpConfigVersion(): void {
    this.sql.bump.run(CONFIG_VERSION_KEY);
  }

  /** The first instant after `at` when a boundary starts or ends, or null when none is scheduled. */
  nextAreaChangeAfter(at: number): number | null {
    return (this.sql.nextChange.get(at, at) as number | null) ?? null;
  }

  /** Whether a transaction is open on this connection (its uncommitted rows must not be cached). */
  inTransaction(): boolean {
    return this.db.$client.inTransaction;
  }

  /** Every category, retired ones too (old reports keep their name). */
  categories(): CategoryRow[] {
    return this.db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code)).all();
  }

  /** Boundaries valid at `at`. */
  areasValidAt(at: number): AreaRow[] {
    return this.db.select().from(areas).where(areaValidAt(at)).orderBy(asc(areas.code)).all();
  }

  units(): UnitRow[] {
    return this.db.select().from(units).orderBy(asc(units.id)).all();
  }

  rules(): RuleRow[] {
    return this.db.select().from(routingRules).orderBy(asc(routingRules.id)).all();
  }
}

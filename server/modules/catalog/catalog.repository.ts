import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { areas, categories, routingRules, units } from '../../db/schema';

/** Row types of the catalog tables. */
export type CategoryRow = typeof categories.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type RuleRow = typeof routingRules.$inferSelect;

/** Queries over the city's configuration: categories, areas, units, routing rules. */
export class CatalogRepository {
  constructor(private readonly db: Db) {}

  categories(): CategoryRow[] {
    return this.db
      .select()
      .from(categories)
      .where(eq(categories.active, true))
      .orderBy(asc(categories.sortOrder), asc(categories.code))
      .all();
  }

  /** Boundaries valid at `at`. */
  areasValidAt(at: number): AreaRow[] {
    return this.db
      .select()
      .from(areas)
      .where(and(lte(areas.validFrom, at), or(isNull(areas.validTo), gt(areas.validTo, at))))
      .orderBy(asc(areas.code))
      .all();
  }

  units(): UnitRow[] {
    return this.db.select().from(units).orderBy(asc(units.id)).all();
  }

  rules(): RuleRow[] {
    return this.db.select().from(routingRules).orderBy(asc(routingRules.id)).all();
  }
}

import { and, asc, count, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import type { Db } from '../../db/client';
import { areas, categories, reports, routingRules, units, users } from '../../db/schema';
import { areaValidAt, type AreaRow, type CategoryRow, type RuleRow, type UnitRow } from '../catalog/catalog.repository';

/** The configuration tables' rows are the catalog's. */
export type { AreaRow, CategoryRow, RuleRow, UnitRow };
/** What inserting or updating a unit or a category sets. */
export type UnitValues = Omit<typeof units.$inferInsert, 'id'>;
export type CategoryValues = Omit<typeof categories.$inferInsert, 'id'>;

const isKey = (column: typeof routingRules.categoryCode | typeof routingRules.areaCode, value: string | null): SQL =>
  value === null ? isNull(column) : eq(column, value);

/** The queries behind the administration of units, categories, routing rules and (read-only) areas. */
export class CatalogAdminRepository {
  constructor(private readonly db: Db) {}

  units(): (UnitRow & { staffCount: number })[] {
    const staff = this.db
      .select({ unitId: users.unitId, n: count().as('n') })
      .from(users)
      .where(eq(users.disabled, false))
      .groupBy(users.unitId)
      .as('staff');
    return this.db
      .select({ unit: units, n: staff.n })
      .from(units)
      .leftJoin(staff, eq(staff.unitId, units.id))
      .orderBy(asc(units.id))
      .all()
      .map((r) => ({ ...r.unit, staffCount: r.n ?? 0 }));
  }

  unitById(id: number): UnitRow | undefined {
    return this.db.select().from(units).where(eq(units.id, id)).get();
  }

  unitByCode(code: string): UnitRow | undefined {
    return this.db.select().from(units).where(eq(units.code, code)).get();
  }

  iocUnits(): UnitRow[] {
    return this.db.select().from(units).where(eq(units.kind, 'ioc')).all();
  }

  insertUnit(values: UnitValues): UnitRow {
    return this.db.insert(units).values(values).returning().get();
  }

  updateUnit(id: number, values: Partial<UnitValues>): UnitRow {
    if (Object.keys(values).length === 0) return this.unitById(id)!;
    return this.db.update(units).set(values).where(eq(units.id, id)).returning().get()!;
  }

  /** Routing rules that send reports to the unit. */
  rulesOfUnit(unitId: number): number {
    return this.db.select({ n: count() }).from(routingRules).where(eq(routingRules.unitId, unitId)).get()!.n;
  }

  /** Open reports the unit holds. */
  openReportsOfUnit(unitId: number): number {
    return this.db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.unitId, unitId), inArray(reports.status, [...OPEN_STATUSES])))
      .get()!.n;
  }

  /** Every category, inactive ones included. */
  categories(): CategoryRow[] {
    return this.db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code)).all();
  }

  categoryByCode(code: string): CategoryRow | undefined {
    return this.db.select().from(categories).where(eq(categories.code, code)).get();
  }

  insertCategory(values: CategoryValues): CategoryRow {
    return this.db.insert(categories).values(values).returning().get();
  }

  updateCategory(code: string, values: Partial<CategoryValues>): CategoryRow {
    if (Object.keys(values).length === 0) return this.categoryByCode(code)!;
    return this.db.update(categories).set(values).where(eq(categories.code, code)).returning().get()!;
  }

  rules(): RuleRow[] {
    return this.db.select().from(routingRules).orderBy(asc(routingRules.id)).all();
  }

  ruleById(id: number): RuleRow | undefined {
    return this.db.select().from(routingRules).where(eq(routingRules.id, id)).get();
  }

  /** The rule for exactly this (category, area) pair, null meaning "any". */
  ruleFor(categoryCode: string | null, areaCode: string | null): RuleRow | undefined {
    return this.db
      .select()
      .from(routingRules)
      .where(and(isKey(routingRules.categoryCode, categoryCode), isKey(routingRules.areaCode, areaCode)))
      .get();
  }

  insertRule(values: Omit<RuleRow, 'id'>): RuleRow {
    return this.db.insert(routingRules).values(values).returning().get();
  }

  updateRule(id: number, values: Partial<Omit<RuleRow, 'id'>>): RuleRow {
    if (Object.keys(values).length === 0) return this.ruleById(id)!;
    return this.db.update(routingRules).set(values).where(eq(routingRules.id, id)).returning().get()!;
  }

  deleteRule(id: number): void {
    this.db.delete(routingRules).where(eq(routingRules.id, id)).run();
  }

  /** Removes every rule (a configuration import replaces them); returns how many there were. */
  deleteAllRules(): number {
    return this.db.delete(routingRules).run().changes;
  }

  /** Boundaries valid at `at`, by code. */
  areasValidAt(at: number): AreaRow[] {
    return this.db.select().from(areas).where(areaValidAt(at)).orderBy(asc(areas.code)).all();
  }

  /** Whether an area with this code is valid at `at`. */
  areaExists(code: string, at: number): boolean {
    return (
      this.db
        .select({ one: sql<number>`1` })
        .from(areas)
        .where(and(eq(areas.code, code), areaValidAt(at)))
        .get() !== undefined
    );
  }
}

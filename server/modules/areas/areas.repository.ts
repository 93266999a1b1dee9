import { asc, desc, eq, getTableColumns, gt, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { areas } from '../../db/schema';

/** An area boundary without its geometry: what planning an import needs. */
export interface AreaPeriod {
  id: number;
  code: string;
  validFrom: number;
  validTo: number | null;
}

/** A row to insert. */
export type NewAreaRow = typeof areas.$inferInsert;

const { geometry: _geometry, ...listColumns } = getTableColumns(areas);
/** An area row without its geometry. */
export type AreaListRow = Omit<typeof areas.$inferSelect, 'geometry'>;

const period = { id: areas.id, code: areas.code, validFrom: areas.validFrom, validTo: areas.validTo };

/** Queries over area boundaries for the import and the admin list. */
export class AreasRepository {
  constructor(private readonly db: Db) {}

  /** Boundaries still valid at `at` or starting later (validTo null or after `at`), without geometry. */
  periodsNotEndedBy(at: number): AreaPeriod[] {
    return this.db
      .select(period)
      .from(areas)
      .where(or(isNull(areas.validTo), gt(areas.validTo, at)))
      .orderBy(asc(areas.code), asc(areas.validFrom))
      .all();
  }

  /** Every boundary, current and past, newest first per code, without geometry. */
  list(): AreaListRow[] {
    return this.db
      .select(listColumns)
      .from(areas)
      .orderBy(asc(areas.code), desc(areas.validFrom), desc(areas.id))
      .all();
  }

  /** The geometry text of one boundary. */
  geometryOf(id: number): string | undefined {
    return this.db.select({ geometry: areas.geometry }).from(areas).where(eq(areas.id, id)).get()?.geometry;
  }

  /** Ends a boundary at `at` (exclusive). */
  end(id: number, at: number): void {
    this.db.update(areas).set({ validTo: at }).where(eq(areas.id, id)).run();
  }

  insert(row: NewAreaRow): void {
    this.db.insert(areas).values(row).run();
  }
}

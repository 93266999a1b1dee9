import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { replyTemplates } from '../../db/schema';

/** A reply template row. */
export type TemplateRow = typeof replyTemplates.$inferSelect;
/** The columns of a template. */
export type TemplateValues = Omit<typeof replyTemplates.$inferInsert, 'id'>;

/** Queries over staff reply templates. */
export class TemplatesRepository {
  constructor(private readonly db: Db) {}

  /** Every template: per-category ones by category, then the any-category ones; each by sort order. */
  all(): TemplateRow[] {
    return this.db
      .select()
      .from(replyTemplates)
      .orderBy(
        sql`${replyTemplates.categoryCode} is null`,
        asc(replyTemplates.categoryCode),
        asc(replyTemplates.action),
        asc(replyTemplates.sortOrder),
        asc(replyTemplates.id),
      )
      .all();
  }

  /** Templates for one category and those for any category, the category's own first. */
  forCategory(categoryCode: string): TemplateRow[] {
    return this.db
      .select()
      .from(replyTemplates)
      .where(or(eq(replyTemplates.categoryCode, categoryCode), isNull(replyTemplates.categoryCode)))
      .orderBy(
        sql`${replyTemplates.categoryCode} is null`,
        asc(replyTemplates.action),
        asc(replyTemplates.sortOrder),
        asc(replyTemplates.id),
      )
      .all();
  }

  byId(id: number): TemplateRow | undefined {
    return this.db.select().from(replyTemplates).where(eq(replyTemplates.id, id)).get();
  }

  insert(values: TemplateValues): TemplateRow {
    return this.db.insert(replyTemplates).values(values).returning().get();
  }

  update(id: number, values: Partial<TemplateValues>): TemplateRow {
    if (Object.keys(values).length === 0) return this.byId(id)!;
    return this.db.update(replyTemplates).set(values).where(eq(replyTemplates.id, id)).returning().get()!;
  }

  delete(id: number): void {
    this.db.delete(replyTemplates).where(eq(replyTemplates.id, id)).run();
  }

  /** Removes every template (a configuration import replaces them); returns how many there were. */
  deleteAll(): number {
    return this.db.delete(replyTemplates).run().changes;
  }
}

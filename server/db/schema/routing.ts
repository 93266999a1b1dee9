import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { units } from './units';

/** (category or any) x (area or any) -> unit; the most specific rule wins. */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** null = any category */
    categoryCode: text('category_code'),
    /** null = any area */
    areaCode: text('area_code'),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [index('routing_rules_category_idx').on(t.categoryCode)],
);

import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Departments, companies, ward People's Committees and the IOC itself. */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** ioc | department | company | ward_committee */
    kind: text('kind').notNull(),
    /** For a ward committee: the area it governs. */
    areaCode: text('area_code'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('units_code_uq').on(t.code)],
);

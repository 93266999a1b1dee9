import { sqliteTable, integer, text, real, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Report categories (= Open311 services). */
export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    groupCode: text('group_code').notNull(),
    groupVi: text('group_vi').notNull(),
    groupEn: text('group_en').notNull(),
    icon: text('icon').notNull(),
    defaultPriority: text('default_priority').notNull().default('normal'),
    deadlineValue: real('deadline_value').notNull(),
    /** hours | working_days */
    deadlineUnit: text('deadline_unit').notNull(),
    /** Extra questions (Open311 attributes), JSON array of CategoryQuestion. */
    questions: text('questions').notNull().default('[]'),
    /** Possible duplicates offered at filing: open reports within this radius and age. */
    duplicateRadiusM: integer('duplicate_radius_m').notNull().default(150),
    duplicateDays: integer('duplicate_days').notNull().default(30),
    /** How long after resolution a resident may reopen. */
    reopenWindowDays: integer('reopen_window_days').notNull().default(7),
    /** Dispatch to the routed unit at receipt instead of holding in the IOC inbox for verification. */
    autoDispatch: integer('auto_dispatch', { mode: 'boolean' }).notNull().default(false),
    /** Deadlines for other priorities (JSON `{ urgent?: Deadline, high?: ..., low?: ... }`); `normal` is the value above. */
    deadlinesByPriority: text('deadlines_by_priority').notNull().default('{}'),
    /** How the public map shows these reports: `approximate` (~100 m) or `hidden` (sensitive categories). */
    publicLocation: text('public_location').notNull().default('approximate'),
    /** What a unit must give to resolve: a public reply and/or an after-photo. */
    resolveNeedsReply: integer('resolve_needs_reply', { mode: 'boolean' }).notNull().default(true),
    resolveNeedsPhoto: integer('resolve_needs_photo', { mode: 'boolean' }).notNull().default(true),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('categories_code_uq').on(t.code)],
);

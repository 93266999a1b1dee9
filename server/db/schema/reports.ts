import { sqliteTable, integer, text, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { units } from './units';
import { users } from './users';

/** Residents' reports. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trackingCode: text('tracking_code').notNull(),
    categoryCode: text('category_code').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    address: text('address'),
    description: text('description').notNull(),
    channel: text('channel').notNull(),
    /** The area the point fell in when the report was filed; it keeps it when boundaries change. */
    areaCode: text('area_code'),
    areaName: text('area_name'),
    unitId: integer('unit_id').references(() => units.id),
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    reporterCount: integer('reporter_count').notNull().default(1),
    duplicateOfId: integer('duplicate_of_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    dueAt: integer('due_at').notNull(),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_uq').on(t.trackingCode),
    index('reports_status_idx').on(t.status),
    index('reports_unit_status_idx').on(t.unitId, t.status),
    index('reports_created_idx').on(t.createdAt),
  ],
);

/**
 * One row per change to a report: the timeline, the audit trail and the realtime feed.
 * `id` is the global sequence number clients resume from (AUTOINCREMENT: never reused).
 */
export const reportEvents = sqliteTable(
  'report_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    /** `created`, or the lifecycle action that caused the change (`dispatch`, `resolve` ...). */
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The responsible unit after the event, and before it when it changed: both may see the event. */
    unitId: integer('unit_id'),
    prevUnitId: integer('prev_unit_id'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorRole: text('actor_role').notNull(),
    /** Text the resident sees (reply, rejection reason). */
    publicNote: text('public_note'),
    /** Text for staff only (hand-back reason, internal note). */
    internalNote: text('internal_note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId, t.id)],
);

/** Idempotency keys of report submissions: the same key and body returns the same report. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id),
  createdAt: integer('created_at').notNull(),
});

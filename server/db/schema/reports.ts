import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { OPEN_STATUSES } from '../../../shared/domain/statuses';
import { units } from './units';
import { users } from './users';

/** Residents' reports. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trackingCode: text('tracking_code').notNull(),
    categoryCode: text('category_code').notNull(),
    /** Null while a report filed by address and ward waits for the IOC to place it. */
    lat: real('lat'),
    lng: real('lng'),
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
    /** Answers to the category's extra questions (JSON object). */
    attributes: text('attributes').notNull().default('{}'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: integer('rated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    dueAt: integer('due_at').notNull(),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    /** When the scheduler found it past its deadline (set once; the `overdue` event is written then). */
    overdueAt: integer('overdue_at'),
    /** When the unit acknowledged it (set once, by the `acknowledge` action). */
    acknowledgedAt: integer('acknowledged_at'),
    version: integer('version').notNull().default(0),
    /** The API client (its key's name) that filed the report through Open311; null for other channels. */
    apiClient: text('api_client'),
    /** Keyed hashes of the sender's device id and network address (for "block this sender"). */
    senderDevice: text('sender_device'),
    senderAddress: text('sender_address'),
  },
  (t) => [
    uniqueIndex('reports_tracking_code_uq').on(t.trackingCode),
    index('reports_status_idx').on(t.status),
    index('reports_unit_status_idx').on(t.unitId, t.status),
    index('reports_created_idx').on(t.createdAt),
    index('reports_category_status_idx').on(t.categoryCode, t.status),
    // Statistics read resolutions and ratings by period.
    index('reports_resolved_idx').on(t.resolvedAt),
    index('reports_rated_idx').on(t.ratedAt),
  ],
);

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
/**
 * An event that moves a report between an open and a closed status (a resolve, reject or merge closes;
 * a reopening opens). The statistics rebuild the backlog at past instants from these alone, through a
 * partial index that holds only them; a query must repeat this text for SQLite to use it.
 */
export const OPENNESS_CHANGE = `from_status is not null and to_status is not null and (from_status in (${OPEN_LIST})) <> (to_status in (${OPEN_LIST}))`;

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
  (t) => [
    index('report_events_report_idx').on(t.reportId, t.id),
    // The backlog at a past instant replays only the events since then.
    index('report_events_created_idx').on(t.createdAt),
    // Openings and closings, per report in order, with what the statistics read (a covering index).
    index('report_events_openness_idx')
      .on(t.reportId, t.createdAt, t.fromStatus, t.toStatus)
      .where(sql.raw(OPENNESS_CHANGE)),
  ],
);

/** Idempotency keys of report submissions: the same key and body returns the same report. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id),
  /** Set when the request followed a report rather than filing one. */
  followerId: integer('follower_id'),
  createdAt: integer('created_at').notNull(),
});

/** Residents who reported the same problem by following an existing report (a priority signal). */
export const reportFollowers = sqliteTable(
  'report_followers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('report_followers_report_idx').on(t.reportId)],
);

/** Re-encoded photos (no metadata, no original kept); files live under DATA_DIR/photos. */
export const photos = sqliteTable(
  'photos',
  {
    /** Random, unguessable: the id is the file name and the URL. */
    id: text('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    /** The event the photo came with (the report's `created`, a comment, a resolution). */
    eventId: integer('event_id').references(() => reportEvents.id),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('photos_report_idx').on(t.reportId)],
);

/** Server-side secrets and settings created at first start (e.g. the key that signs resident tokens). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

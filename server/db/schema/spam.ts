import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { reports } from './reports';
import { users } from './users';

/**
 * Reports held for review instead of being filed: the honeypot field was filled, or the sender is
 * blocked. The sender got a receipt like any other (its tracking code shows "received"); nothing here
 * reaches a unit, the maps, Open311 or the statistics until an operator releases it (it is then filed
 * as a report under the same tracking code) or discards it.
 */
export const heldReports = sqliteTable(
  'held_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trackingCode: text('tracking_code').notNull(),
    /** The validated request (CreateReportData), as JSON. */
    input: text('input').notNull(),
    channel: text('channel').notNull(),
    apiClient: text('api_client'),
    /** Photos already stored (re-encoded), as JSON: [{ id, width, height, bytes }]. */
    photos: text('photos').notNull().default('[]'),
    /** What the receipt said (area, unit, deadline), as JSON, so a lookup shows the same. */
    receipt: text('receipt').notNull(),
    /** `honeypot` or `blocked_sender`. */
    reason: text('reason').notNull(),
    senderDevice: text('sender_device'),
    senderAddress: text('sender_address'),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdAt: integer('created_at').notNull(),
    /** `held` until an operator decides: `released` (filed as `reportId`) or `discarded`. */
    state: text('state').notNull().default('held'),
    decidedAt: integer('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    reportId: integer('report_id').references(() => reports.id),
  },
  (t) => [
    uniqueIndex('held_reports_code_uq').on(t.trackingCode),
    uniqueIndex('held_reports_key_uq').on(t.idempotencyKey),
    index('held_reports_state_idx').on(t.state, t.createdAt),
  ],
);

/**
 * Senders an operator blocked: a device (the app's random device id) or a network address, each kept
 * only as a keyed hash. Their new reports are held for review; an address block ends by itself (many
 * phones share one address behind a carrier's NAT).
 */
export const blockedSenders = sqliteTable(
  'blocked_senders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `device` or `address`. */
    kind: text('kind').notNull(),
    hash: text('hash').notNull(),
    /** The report the operator blocked its sender from. */
    reportId: integer('report_id').references(() => reports.id),
    reason: text('reason'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    /** Null: until lifted. */
    expiresAt: integer('expires_at'),
    liftedAt: integer('lifted_at'),
  },
  (t) => [index('blocked_senders_hash_idx').on(t.kind, t.hash)],
);

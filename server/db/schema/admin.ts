import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * Every administrative change: who, when, what, and the record before and after (JSON; null when it
 * did not exist). Written in the same transaction as the change it describes; never updated.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** Kept as text so the entry stays readable if the account is renamed; `system` for scripts. */
    actorName: text('actor_name').notNull(),
    /** area | unit | category | rule | template | calendar | user | api_key | config */
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    /** create | update | delete | import | revoke ... */
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.id)],
);

/** Keys that other systems (Open311 clients) present; only a hash is stored, shown once at creation. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The client's name; reports it files carry it as their channel. */
    name: text('name').notNull(),
    /** SHA-256 of the key. */
    keyHash: text('key_hash').notNull(),
    /** The first characters of the key, to tell keys apart in lists. */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    revokedAt: integer('revoked_at'),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [uniqueIndex('api_keys_hash_uq').on(t.keyHash)],
);

/** Reply templates for staff, per category (null = any) and action, in both languages. */
export const replyTemplates = sqliteTable(
  'reply_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryCode: text('category_code'),
    /** The action the reply goes with: acknowledge | start | resolve | hand_back | reject. */
    action: text('action').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    textVi: text('text_vi').notNull(),
    textEn: text('text_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('reply_templates_category_idx').on(t.categoryCode, t.action)],
);

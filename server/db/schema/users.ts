import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { units } from './units';

/** Staff accounts. Residents have none. */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id */
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    unitId: integer('unit_id').references(() => units.id),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    /** The TOTP second factor's secret, sealed (AES-256-GCM under a key derived from SESSION_SECRET); null when not enrolled. */
    totpSecret: text('totp_secret'),
    /** A secret offered at enrolment, sealed, until a valid code confirms it. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The time step of the last accepted code: a code of this step or an earlier one is a replay. */
    totpLastStep: integer('totp_last_step'),
    totpEnrolledAt: integer('totp_enrolled_at'),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** Server-side sessions; the cookie carries a random token, the table only its HMAC-SHA256 under SESSION_SECRET. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    /** Absolute expiry (SESSION_TTL_HOURS after sign-in). */
    expiresAt: integer('expires_at').notNull(),
    /** Last use, written at most once a minute: idle for SESSION_IDLE_MINUTES ends the session. */
    lastSeenAt: integer('last_seen_at').notNull().default(0),
    /** An admin without a second factor: this session may only enrol one. */
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

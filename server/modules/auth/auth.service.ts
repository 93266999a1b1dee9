import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { StaffRole } from '../../../shared/domain/roles';
import type { TotpSetup } from '../../../shared/schemas/auth';
import type { SessionUser } from '../../../shared/schemas/reports';
import { DEV_SESSION_SECRET } from '../../config';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { AuthRepository, UserRow } from './auth.repository';
import { SessionSecrets } from './secrets';
import { matchTotp, newTotpSecret, totpUri } from './totp';

/** The signed-in user as services see it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  unitId: number | null;
  unitName: string | null;
  /** Whether a TOTP second factor is enrolled. */
  totpEnrolled?: boolean;
  /** The session this user came with (the key of its row; not the cookie's token). */
  sessionId?: string;
  /** An admin's session before a second factor is enrolled: it may only enrol one. */
  restricted?: boolean;
}

function toAuthUser(row: UserRow, session?: { id: string; restricted: boolean }): AuthUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as StaffRole,
    unitId: row.unitId,
    unitName: row.unitName,
    totpEnrolled: row.totpSecret !== null,
    ...(session ? { sessionId: session.id, restricted: session.restricted } : {}),
  };
}

/** The web's view of a signed-in user. */
export function presentSessionUser(user: AuthUser): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unit: user.unitId !== null ? { id: user.unitId, name: user.unitName ?? '' } : null,
    twoFactor: user.restricted ? 'enrol' : user.totpEnrolled ? 'on' : 'off',
  };
}

/** A session just opened: the raw token goes into the cookie, never into the database. */
export interface OpenedSession {
  token: string;
  user: AuthUser;
  expiresAt: number;
}

/** Session timing and the secret that keys session hashes and sealed TOTP secrets. */
export interface SessionOptions {
  ttlMs: number;
  idleMs: number;
  secret: string;
}

/** A session's last use is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

// Verifying against this keeps a login for an unknown user as slow as one with a wrong password.
const DUMMY_HASH = argon2.hash('not-a-real-password', { type: argon2.argon2id });

/**
 * Staff sign-in: argon2id passwords, an optional TOTP second factor (required for admins), and
 * server-side sessions with idle and absolute expiry, a new id at every sign-in.
 */
export class AuthService {
  private readonly secrets: SessionSecrets;
  private readonly endedListeners: ((sessionId: string) => void)[] = [];
  private readonly options: SessionOptions;

  constructor(
    private readonly repo: AuthRepository,
    private readonly clock: Clock,
    options: Partial<SessionOptions> & { ttlMs: number },
  ) {
    this.options = { idleMs: 60 * 60_000, secret: DEV_SESSION_SECRET, ...options };
    this.secrets = new SessionSecrets(this.options.secret);
  }

  /** Hashes a password with argon2id. */
  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** Registers a listener run after a session ended by signing out (to close its live sockets). */
  onSessionEnded(listener: (sessionId: string) => void): void {
    this.endedListeners.push(listener);
  }

  /**
   * Checks the password, then the TOTP code when a factor is enrolled (401 `totp_required` without
   * one, `invalid_totp` for a wrong or used one), and opens a new session; the session the browser
   * came with (`previousToken`) is ended, so an id planted before sign-in is worth nothing. An admin
   * without a factor gets a restricted session that can only enrol one.
   */
  async login(username: string, password: string, totp?: string, previousToken?: string): Promise<OpenedSession> {
    const row = this.repo.findByUsername(username);
    const ok =
      row && !row.disabled
        ? await argon2.verify(row.passwordHash, password)
        : (await argon2.verify(await DUMMY_HASH, password), false);
    if (!row || !ok) throw new AppError('invalid_credentials');
    const now = this.clock.now();
    if (row.totpSecret !== null) {
      if (!totp) throw new AppError('totp_required');
      const secret = this.secrets.unseal(row.totpSecret);
      const step = secret === null ? null : matchTotp(secret, totp, now, row.totpLastStep);
      // The conditional update settles a race: of two requests with the same code, one wins.
      if (step === null || !this.repo.useTotpStep(row.id, step)) throw new AppError('invalid_totp');
    }
    if (previousToken) this.endSession(previousToken);
    return this.openSession(row, now, row.role === 'admin' && row.totpSecret === null);
  }

  /** The user behind a session token (restricted sessions included), or null; records its use. */
  session(token: string | undefined): AuthUser | null {
    if (!token) return null;
    const now = this.clock.now();
    const hash = this.secrets.tokenHash(token);
    const row = this.repo.findBySession(hash, now, now - this.options.idleMs);
    if (!row || row.disabled) return null;
    if (now - row.lastSeenAt >= TOUCH_EVERY_MS) this.repo.touchSession(hash, now);
    return toAuthUser(row, { id: hash, restricted: row.restricted });
  }

  /** The user behind a full session token (never a restricted one), or null: for sockets. */
  authenticate(token: string | undefined): AuthUser | null {
    const user = this.session(token);
    return user && !user.restricted ? user : null;
  }

  /**
   * Disconnects the sockets whose session ran out (idle or absolute expiry) since they connected, so
   * an unattended screen stops receiving; run every minute or so.
   */
  closeExpiredSockets(
    sockets: Iterable<{ data: { user: AuthUser | null }; disconnect(close: boolean): unknown }>,
  ): void {
    const staff = [...sockets].filter((s) => s.data.user?.sessionId !== undefined);
    if (staff.length === 0) return;
    const now = this.clock.now();
    const ids = [...new Set(staff.map((s) => s.data.user!.sessionId!))];
    const live = new Set(this.repo.liveSessions(ids, now, now - this.options.idleMs));
    for (const socket of staff) if (!live.has(socket.data.user!.sessionId!)) socket.disconnect(true);
  }

  /** Ends a session and then tells the listeners (its sockets close at once). */
  logout(token: string | undefined): void {
    if (token) this.endSession(token);
  }

  /**
   * Starts enrolling a TOTP factor: a new secret, kept sealed as pending until a code confirms it.
   * Refused (409) when one is enrolled: an admin resets it first, so a stolen session cannot swap it.
   */
  async beginTotpEnrolment(user: AuthUser): Promise<TotpSetup> {
    const row = this.repo.findById(user.id);
    if (!row) throw new AppError('unauthenticated');
    if (row.totpSecret !== null)
      throw new AppError('conflict', 'Two-step verification is already on; an admin can reset it.');
    const secret = newTotpSecret();
    this.repo.setPendingTotp(row.id, this.secrets.seal(secret));
    const uri = totpUri(secret, row.username);
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
  }

  /**
   * Confirms the pending secret with a code from the app and makes it the user's factor. A restricted
   * session is then replaced by a full one (new id); returns it, or null when the session stays.
   */
  confirmTotpEnrolment(
    user: AuthUser,
    code: string,
    token: string | undefined,
  ): { opened: OpenedSession | null; user: AuthUser } {
    const row = this.repo.findById(user.id);
    const pending = row?.totpPendingSecret ? this.secrets.unseal(row.totpPendingSecret) : null;
    if (!row || pending === null)
      throw new AppError('conflict', 'No two-step verification is being set up: start again.');
    const now = this.clock.now();
    const step = matchTotp(pending, code, now, null);
    if (step === null) throw new AppError('invalid_totp');
    this.repo.activateTotp(row.id, row.totpPendingSecret!, step, now);
    const updated = this.repo.findById(row.id)!;
    if (!user.restricted) return { opened: null, user: { ...user, totpEnrolled: true } };
    if (token) this.endSession(token);
    const opened = this.openSession(updated, now, false);
    return { opened, user: opened.user };
  }

  private openSession(row: UserRow, now: number, restricted: boolean): OpenedSession {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.options.ttlMs;
    // Sign-ins are rare: a good moment to drop sessions that have run out, so the table does not grow.
    this.repo.deleteExpiredSessions(now, now - this.options.idleMs);
    const hash = this.secrets.tokenHash(token);
    this.repo.createSession(hash, row.id, now, expiresAt, restricted);
    return { token, user: toAuthUser(row, { id: hash, restricted }), expiresAt };
  }

  private endSession(token: string): void {
    const hash = this.secrets.tokenHash(token);
    if (this.repo.deleteSession(hash)) for (const listener of this.endedListeners) listener(hash);
  }
}

import argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '../../../shared/domain/roles';
import type { SessionUser } from '../../../shared/schemas/reports';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { AuthRepository, UserRow } from './auth.repository';

/** The signed-in user as services see it. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  unitId: number | null;
  unitName: string | null;
}

function toAuthUser(row: UserRow): AuthUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as StaffRole,
    unitId: row.unitId,
    unitName: row.unitName,
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
  };
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against this keeps a login for an unknown user as slow as one with a wrong password.
const DUMMY_HASH = argon2.hash('not-a-real-password', { type: argon2.argon2id });

/** Staff sign-in with argon2id passwords and server-side sessions. */
export class AuthService {
  constructor(
    private readonly repo: AuthRepository,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
  ) {}

  /** Hashes a password with argon2id. */
  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** Checks credentials and opens a session; returns the raw token for the cookie. */
  async login(username: string, password: string): Promise<{ token: string; user: AuthUser; expiresAt: number }> {
    const row = this.repo.findByUsername(username);
    const ok =
      row && !row.disabled
        ? await argon2.verify(row.passwordHash, password)
        : (await argon2.verify(await DUMMY_HASH, password), false);
    if (!row || !ok) throw new AppError('invalid_credentials');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + this.sessionTtlMs;
    // Sign-ins are rare: a good moment to drop sessions that have run out, so the table does not grow.
    this.repo.deleteExpiredSessions(now);
    this.repo.createSession(sha256(token), row.id, now, expiresAt);
    return { token, user: toAuthUser(row), expiresAt };
  }

  /** The user behind a session token, or null when it is unknown, expired or the user is disabled. */
  authenticate(token: string | undefined): AuthUser | null {
    if (!token) return null;
    const row = this.repo.findBySession(sha256(token), this.clock.now());
    if (!row || row.disabled) return null;
    return toAuthUser(row);
  }

  /** Ends a session. */
  logout(token: string | undefined): void {
    if (token) this.repo.deleteSession(sha256(token));
  }
}

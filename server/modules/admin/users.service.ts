import type { z } from 'zod';
import { UserInput, type AdminUser, type UserPatch } from '../../../shared/schemas/admin';
import { isCommonPassword } from '../../../shared/domain/common-passwords';
import { passwordProblem } from '../../../shared/domain/password-policy';
import type { StaffRole } from '../../../shared/domain/roles';
import { parseInput } from '../../domain/app-error';
import { AuthService } from '../auth/auth.service';
import { checkRoom, conflict, invalid, notFound, type AdminChanges, type AuditActor } from './admin.context';
import { presentAdminUser } from './admin.presenter';
import type { CatalogAdminRepository } from './catalog-admin.repository';
import type { UsersRepository } from './users.repository';

const AdminAccountInput = UserInput.pick({ username: true, displayName: true, password: true });

/** Hashes a new password after checking it against the shared policy (422 naming `password`). */
function hashAllowedPassword(password: string): Promise<string> {
  const problem = passwordProblem(password, isCommonPassword);
  if (problem) throw invalid('password', problem);
  return AuthService.hashPassword(password);
}

/** Called after a commit that ended all of a user's sessions (e.g. to close their live sockets). */
export type SessionsCutListener = (userId: number) => void;

/**
 * Staff accounts. Passwords follow the shared policy (`shared/domain/password-policy.ts`) and are
 * argon2id hashes that never leave this service; disabling an account, changing its role or unit,
 * setting a new password or resetting its second factor ends all its sessions at once.
 */
export class UsersAdminService {
  private readonly listeners: SessionsCutListener[] = [];

  constructor(
    private readonly repo: UsersRepository,
    private readonly catalogRepo: CatalogAdminRepository,
    private readonly changes: AdminChanges,
  ) {}

  /** Registers a listener run after a user's sessions were ended. */
  onSessionsCut(listener: SessionsCutListener): void {
    this.listeners.push(listener);
  }

  /** Every account, disabled ones included. */
  list(): { items: AdminUser[] } {
    return { items: this.repo.all().map(presentAdminUser) };
  }

  /** Creates an account (409 when the username is taken; unit staff need an active unit). */
  async create(actor: AuditActor, input: z.output<typeof UserInput>): Promise<AdminUser> {
    const passwordHash = await hashAllowedPassword(input.password);
    return this.changes.apply(actor, (record) => {
      if (this.repo.byUsername(input.username))
        throw conflict(`The username "${input.username}" is taken; choose another.`);
      checkRoom('users', this.repo.all().length);
      this.checkUnit(input.role, input.unitId, true);
      const row = this.repo.insert({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId,
        passwordHash,
        createdAt: this.changes.clock.now(),
      });
      const after = presentAdminUser(row);
      record({
        entity: 'user',
        entityId: row.id,
        action: 'create',
        before: null,
        after: { ...after, password: '(set)' },
      });
      return after;
    });
  }

  /** Changes an account; the last active admin can be neither disabled nor demoted. */
  async patch(actor: AuditActor, id: number, patch: z.output<typeof UserPatch>): Promise<AdminUser> {
    const passwordHash = patch.password ? await hashAllowedPassword(patch.password) : undefined;
    const { user, cut } = this.changes.apply(actor, (record) => {
      const row = this.repo.byId(id);
      if (!row) throw notFound(`No user has the id ${id}.`);
      const role = patch.role ?? (row.role as StaffRole);
      const unitId = patch.unitId !== undefined ? patch.unitId : row.unitId;
      const disabled = patch.disabled ?? row.disabled;
      this.checkUnit(role, unitId, unitId !== row.unitId);
      if (
        row.role === 'admin' &&
        !row.disabled &&
        (role !== 'admin' || disabled) &&
        this.repo.otherActiveAdmins(id) === 0
      )
        throw conflict(
          `"${row.username}" is the last active admin: make another account admin before disabling or demoting this one.`,
        );
      const updated = this.repo.update(id, {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(role !== row.role ? { role } : {}),
        ...(unitId !== row.unitId ? { unitId } : {}),
        ...(disabled !== row.disabled ? { disabled } : {}),
        ...(passwordHash ? { passwordHash } : {}),
      });
      const accessChanged = role !== row.role || unitId !== row.unitId || (disabled && !row.disabled);
      const cut = accessChanged || passwordHash !== undefined;
      const sessionsEnded = cut ? this.repo.deleteSessions(id) : 0;
      const before = presentAdminUser(row);
      const after = presentAdminUser(updated);
      if (JSON.stringify(before) !== JSON.stringify(after) || passwordHash)
        record({
          entity: 'user',
          entityId: id,
          action: 'update',
          before,
          after: { ...after, ...(passwordHash ? { password: '(changed)' } : {}), ...(cut ? { sessionsEnded } : {}) },
        });
      return { user: after, cut };
    });
    if (cut) for (const listener of this.listeners) listener(id);
    return user;
  }

  /**
   * Removes a user's TOTP second factor (lost phone) and ends their sessions; they may enrol again,
   * and an admin must before doing anything else. Audited.
   */
  resetTotp(actor: AuditActor, id: number): AdminUser {
    const { user, cut } = this.changes.apply(actor, (record) => {
      const row = this.repo.byId(id);
      if (!row) throw notFound(`No user has the id ${id}.`);
      this.repo.clearTotp(id);
      // An enrolment under way is not a factor yet: dropping it signs nobody out and needs no entry.
      if (row.totpSecret === null) return { user: presentAdminUser(row), cut: false };
      const sessionsEnded = this.repo.deleteSessions(id);
      const after = presentAdminUser(this.repo.byId(id)!);
      record({
        entity: 'user',
        entityId: id,
        action: 'update',
        before: presentAdminUser(row),
        after: { ...after, totp: '(reset)', sessionsEnded },
      });
      return { user: after, cut: true };
    });
    if (cut) for (const listener of this.listeners) listener(id);
    return user;
  }

  /**
   * For `npm run create-admin`: creates an admin account (in the IOC unit when the city has one). An
   * existing username is refused (409) unless `resetPassword`, the way back into a locked-out account:
   * it sets the new password, enables the account, resets its second factor (an admin enrols a new
   * one at the next sign-in) and ends its sessions, without changing its role.
   */
  async createAdmin(
    actor: AuditActor,
    input: { username: string; displayName: string; password: string; resetPassword: boolean },
  ): Promise<{ created: boolean; user: AdminUser }> {
    const fields = parseInput(AdminAccountInput, input, 'account');
    const existing = this.repo.byUsername(fields.username);
    if (existing && !input.resetPassword)
      throw conflict(`The username "${fields.username}" is taken; add --reset-password to give it a new password.`);
    if (existing) {
      await this.patch(actor, existing.id, { password: fields.password, disabled: false });
      const user = this.resetTotp(actor, existing.id);
      return { created: false, user };
    }
    const unitId = this.catalogRepo.iocUnits()[0]?.id ?? null;
    const user = await this.create(actor, { ...fields, role: 'admin', unitId });
    return { created: true, user };
  }

  private checkUnit(role: StaffRole, unitId: number | null, unitChanged: boolean): void {
    if (role === 'staff' && unitId === null) throw invalid('unitId', 'is required for unit staff');
    if (unitId === null || !unitChanged) return;
    const unit = this.catalogRepo.unitById(unitId);
    if (!unit || !unit.active) throw invalid('unitId', 'is not an active unit');
  }
}

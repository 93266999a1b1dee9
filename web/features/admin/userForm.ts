import type { z } from 'zod';
import type { StaffRole } from '../../../shared/domain/roles';
import type { FieldError } from '../../../shared/domain/errors';
import { UserInput, UserPatch } from '../../../shared/schemas/admin';
import { check } from './errors';
import type { AdminT } from './messages';

/** The user form as typed. */
export interface UserFormValues {
  username: string;
  displayName: string;
  role: StaffRole;
  /** '' = no unit. */
  unitId: string;
  password: string;
}

/** Whether a role works for one unit: unit staff must have one; a leader may (then leads that unit only). */
export function unitRule(role: StaffRole): 'required' | 'optional' {
  return role === 'staff' ? 'required' : 'optional';
}

const unitOf = (v: UserFormValues) => (v.unitId ? Number(v.unitId) : null);

/** The body of `POST /api/admin/users`. */
export function createBody(v: UserFormValues): z.input<typeof UserInput> {
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    role: v.role,
    unitId: unitOf(v),
    password: v.password,
  };
}

/** The body of `PATCH /api/admin/users/:id` for the profile fields. */
export function patchBody(v: UserFormValues): z.input<typeof UserPatch> {
  return { displayName: v.displayName.trim(), role: v.role, unitId: unitOf(v) };
}

/** The schema's problems plus the rule the schema cannot state: unit staff need a unit. */
export function userProblems(v: UserFormValues, mode: 'create' | 'edit', m: AdminT): FieldError[] {
  const problems = mode === 'create' ? check(UserInput, createBody(v)) : check(UserPatch, patchBody(v));
  if (unitRule(v.role) === 'required' && !v.unitId) problems.push({ path: 'unitId', message: m('users.unitRequired') });
  return problems;
}

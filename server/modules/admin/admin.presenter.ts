import type { z } from 'zod';
import type { StaffRole } from '../../../shared/domain/roles';
import type {
  AdminCategory,
  AdminRule,
  AdminUnit,
  AdminUser,
  ApiKeyView,
  CategoryInput,
  PUBLIC_LOCATION_RULES,
  ReplyTemplate,
  TEMPLATE_ACTIONS,
  UNIT_KINDS,
  UnitInput,
} from '../../../shared/schemas/admin';
import { categoryBasics, presentUnit, questionsOf } from '../catalog/catalog.presenter';
import type { ApiKeyRow } from './api-keys.repository';
import type { CategoryRow, CategoryValues, RuleRow, UnitRow, UnitValues } from './catalog-admin.repository';
import type { TemplateRow } from './templates.repository';
import type { UserRow } from './users.repository';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Unit row -> what admins see. */
export function presentAdminUnit(u: UnitRow & { staffCount?: number }): AdminUnit {
  return {
    ...presentUnit(u),
    kind: u.kind as (typeof UNIT_KINDS)[number],
    areaCode: u.areaCode,
    active: u.active,
    staffCount: u.staffCount ?? 0,
  };
}

/** The columns of a new unit, defaults filled in: no area, active. */
export function unitValues(input: z.output<typeof UnitInput>): UnitValues {
  return {
    code: input.code,
    nameVi: input.name.vi,
    nameEn: input.name.en,
    kind: input.kind,
    areaCode: input.areaCode ?? null,
    active: input.active ?? true,
  };
}

/** A unit as the audit log records it (no derived counts). */
export function auditUnit(u: UnitRow) {
  const { staffCount: _ignored, ...rest } = presentAdminUnit(u);
  return rest;
}

/** Category row -> what admins see (every field, inactive categories too). */
export function presentAdminCategory(c: CategoryRow): AdminCategory {
  return {
    ...categoryBasics(c),
    deadlinesByPriority: JSON.parse(c.deadlinesByPriority) as AdminCategory['deadlinesByPriority'],
    questions: questionsOf(c),
    duplicateRadiusM: c.duplicateRadiusM,
    duplicateDays: c.duplicateDays,
    reopenWindowDays: c.reopenWindowDays,
    autoDispatch: c.autoDispatch,
    publicLocation: c.publicLocation as (typeof PUBLIC_LOCATION_RULES)[number],
    resolveNeedsReply: c.resolveNeedsReply,
    resolveNeedsPhoto: c.resolveNeedsPhoto,
    active: c.active,
    sortOrder: c.sortOrder,
  };
}

/** The columns a (partial) category input sets; absent fields are left out. */
export function categoryValues(input: Partial<z.output<typeof CategoryInput>>): Partial<CategoryValues> {
  const v: Partial<CategoryValues> = {};
  if (input.code !== undefined) v.code = input.code;
  if (input.name) [v.nameVi, v.nameEn] = [input.name.vi, input.name.en];
  if (input.group !== undefined) v.groupCode = input.group;
  if (input.groupName) [v.groupVi, v.groupEn] = [input.groupName.vi, input.groupName.en];
  if (input.icon !== undefined) v.icon = input.icon;
  if (input.defaultPriority !== undefined) v.defaultPriority = input.defaultPriority;
  if (input.deadline) [v.deadlineValue, v.deadlineUnit] = [input.deadline.value, input.deadline.unit];
  if (input.deadlinesByPriority !== undefined) v.deadlinesByPriority = JSON.stringify(input.deadlinesByPriority);
  if (input.questions !== undefined) v.questions = JSON.stringify(input.questions);
  if (input.duplicateRadiusM !== undefined) v.duplicateRadiusM = input.duplicateRadiusM;
  if (input.duplicateDays !== undefined) v.duplicateDays = input.duplicateDays;
  if (input.reopenWindowDays !== undefined) v.reopenWindowDays = input.reopenWindowDays;
  if (input.autoDispatch !== undefined) v.autoDispatch = input.autoDispatch;
  if (input.publicLocation !== undefined) v.publicLocation = input.publicLocation;
  if (input.resolveNeedsReply !== undefined) v.resolveNeedsReply = input.resolveNeedsReply;
  if (input.resolveNeedsPhoto !== undefined) v.resolveNeedsPhoto = input.resolveNeedsPhoto;
  if (input.active !== undefined) v.active = input.active;
  if (input.sortOrder !== undefined) v.sortOrder = input.sortOrder;
  return v;
}

/** Rule row -> DTO. */
export function presentRule(r: RuleRow): AdminRule {
  return { id: r.id, categoryCode: r.categoryCode, areaCode: r.areaCode, unitId: r.unitId };
}

/** Template row -> DTO. */
export function presentTemplate(t: TemplateRow): ReplyTemplate {
  return {
    id: t.id,
    categoryCode: t.categoryCode,
    action: t.action as (typeof TEMPLATE_ACTIONS)[number],
    title: { vi: t.titleVi, en: t.titleEn },
    text: { vi: t.textVi, en: t.textEn },
    sortOrder: t.sortOrder,
  };
}

/** Account row -> what admins see: never the password hash. */
export function presentAdminUser(u: UserRow): AdminUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as StaffRole,
    unitId: u.unitId,
    disabled: u.disabled,
    totpEnrolled: u.totpSecret !== null,
    createdAt: new Date(u.createdAt).toISOString(),
  };
}

/** Key row -> list entry: never the hash. */
export function presentApiKey(k: ApiKeyRow): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: new Date(k.createdAt).toISOString(),
    revokedAt: iso(k.revokedAt),
    lastUsedAt: iso(k.lastUsedAt),
  };
}

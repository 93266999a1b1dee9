import { z } from 'zod';
import { PRIORITIES } from '../../domain/channels';
import { STAFF_ROLES } from '../../domain/roles';
import type * as Admin from '../../schemas/admin';
import { CONFIG_FORMAT, ConfigFile, PUBLIC_LOCATION_RULES, TEMPLATE_ACTIONS, UNIT_KINDS } from '../../schemas/admin';
import { CategoryQuestion, Deadline } from '../../schemas/categories';
import { iso, nullableIso, int, count, localized, areaRef, unitRef, items } from './common';

/** The working calendar (`GET`/`PUT /api/admin/calendar`). */
export const CalendarResponse = z.strictObject({
  utcOffsetMinutes: int,
  workingWeekdays: z.array(int.min(0).max(6)),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  dayStartMinutes: int.min(0).max(24 * 60 - 1),
});

const adminArea: z.ZodType<Admin.AdminArea> = z.strictObject({
  id: int,
  code: z.string(),
  name: localized,
  note: z.string().nullable(),
  validFrom: iso,
  validTo: nullableIso,
  status: z.enum(['current', 'scheduled', 'past']),
  vertices: count,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
/** `GET /api/admin/areas`. */
export const AdminAreaList = items(adminArea);
const properties = z.strictObject({
  code: z.string().nullable(),
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
});
/** `POST /api/admin/areas/preview`. */
export const AreaPreviewResponse: z.ZodType<Admin.AreaImportPreview> = z.strictObject({
  features: count,
  vertices: count,
  properties: z.array(z.strictObject({ name: z.string(), examples: z.array(z.string()) })),
  suggested: properties,
  used: properties,
  errors: z.array(
    z.strictObject({ feature: int.nullable(), code: z.string().optional(), path: z.string(), message: z.string() }),
  ),
  preview: z.unknown(),
  replaces: z.array(z.string()),
  adds: z.array(z.string()),
  retires: z.array(z.string()),
  validFrom: iso,
});
/** `POST /api/admin/areas/import`. */
export const AreaImportResponse: z.ZodType<Admin.AreaImportResult> = z.strictObject({
  imported: count,
  superseded: count,
  retired: count,
  validFrom: iso,
});

/** A unit as admins see it. */
export const AdminUnitResponse: z.ZodType<Admin.AdminUnit> = z.strictObject({
  id: int,
  code: z.string(),
  name: localized,
  kind: z.enum(UNIT_KINDS),
  areaCode: z.string().nullable(),
  active: z.boolean(),
  staffCount: count,
});
/** A category as admins see it. */
export const AdminCategoryResponse: z.ZodType<Admin.AdminCategory> = z.strictObject({
  code: z.string(),
  name: localized,
  group: z.string(),
  groupName: localized,
  icon: z.string(),
  defaultPriority: z.enum(PRIORITIES),
  deadline: Deadline,
  deadlinesByPriority: z.partialRecord(z.enum(PRIORITIES), Deadline),
  questions: z.array(CategoryQuestion),
  duplicateRadiusM: count,
  duplicateDays: count,
  reopenWindowDays: count,
  autoDispatch: z.boolean(),
  publicLocation: z.enum(PUBLIC_LOCATION_RULES),
  resolveNeedsReply: z.boolean(),
  resolveNeedsPhoto: z.boolean(),
  active: z.boolean(),
  sortOrder: int,
});
/** A routing rule. */
export const AdminRuleResponse: z.ZodType<Admin.AdminRule> = z.strictObject({
  id: int,
  categoryCode: z.string().nullable(),
  areaCode: z.string().nullable(),
  unitId: int,
});
/** `POST /api/admin/rules/test`. */
export const RuleTestResponse: z.ZodType<Admin.RuleTestResult> = z.strictObject({
  area: areaRef.nullable(),
  results: z.array(
    z.strictObject({
      categoryCode: z.string(),
      ruleId: int.nullable(),
      unit: unitRef,
      candidates: z.array(z.strictObject({ ruleId: int, unitId: int, specificity: int })),
    }),
  ),
});
/** A reply template. */
export const ReplyTemplateResponse: z.ZodType<Admin.ReplyTemplate> = z.strictObject({
  id: int,
  categoryCode: z.string().nullable(),
  action: z.enum(TEMPLATE_ACTIONS),
  title: localized,
  text: localized,
  sortOrder: int,
});
/** A staff account as admins see it: never a password hash. */
export const AdminUserResponse: z.ZodType<Admin.AdminUser> = z.strictObject({
  id: int,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  unitId: int.nullable(),
  disabled: z.boolean(),
  totpEnrolled: z.boolean(),
  createdAt: iso,
});
const apiKeyFields = {
  id: int,
  name: z.string(),
  prefix: z.string(),
  createdAt: iso,
  revokedAt: nullableIso,
  lastUsedAt: nullableIso,
};
/** An API key as listed (never the key). */
export const ApiKeyResponse: z.ZodType<Admin.ApiKeyView> = z.strictObject(apiKeyFields);
/** A new API key: the only time the secret is shown. */
export const ApiKeyCreatedResponse: z.ZodType<Admin.ApiKeyCreated> = z.strictObject({
  ...apiKeyFields,
  key: z.string(),
});
/** `GET /api/admin/audit`. */
export const AuditListResponse = items(
  z.strictObject({
    id: int,
    at: iso,
    actor: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  }) satisfies z.ZodType<Admin.AuditEntry>,
);
/** `GET /api/admin/config`: the configuration file. */
export const ConfigFileResponse = ConfigFile.extend({ format: z.literal(CONFIG_FORMAT) });
const changes = z.strictObject({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: count });
/** `POST /api/admin/config`: what the import changed. */
export const ConfigImportResponse: z.ZodType<Admin.ConfigImportSummary> = z.strictObject({
  units: changes,
  categories: changes,
  areas: z.strictObject({ changed: z.boolean(), imported: count, superseded: count, retired: count }),
  rules: z.strictObject({ removed: count, added: count }),
  templates: z.strictObject({ removed: count, added: count }),
  calendar: z.strictObject({ changed: z.boolean() }),
  users: z.strictObject({ created: z.array(z.string()), existing: count }),
});

/** `{ items }` lists of the administration API. */
export const AdminLists = {
  units: items(AdminUnitResponse),
  categories: items(AdminCategoryResponse),
  rules: items(AdminRuleResponse),
  templates: items(ReplyTemplateResponse),
  users: items(AdminUserResponse),
  apiKeys: items(ApiKeyResponse),
};

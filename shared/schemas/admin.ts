import { z } from 'zod';
import { PRIORITIES } from '../domain/channels';
import { PASSWORD_MESSAGES, PASSWORD_POLICY } from '../domain/password-policy';
import { STAFF_ROLES } from '../domain/roles';
import { CategoryQuestion, Deadline } from './categories';
import { LocalizedName } from './common';

// The administration API (`/api/admin/*`, admins only). Every change is written to the audit log in
// the same transaction; lists answer `{ items }`.

const code = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(60, 'must be at most 60 characters')
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, "_", "-" or "."');
const name = z.object({
  vi: z.string().trim().min(1, 'is required').max(200),
  en: z.string().trim().min(1, 'is required').max(200),
});

/** Kinds of responsible unit. */
export const UNIT_KINDS = ['ioc', 'department', 'company', 'ward_committee'] as const;

/** `POST /api/admin/units` -> AdminUnit. */
export const UnitInput = z.object({
  code,
  name,
  kind: z.enum(UNIT_KINDS),
  /** For a ward committee: the area it governs. */
  areaCode: z.string().trim().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
});
/** `PATCH /api/admin/units/:id`: any subset of the fields (the code stays). */
export const UnitPatch = UnitInput.omit({ code: true }).partial();
/** A unit as admins see it. */
export interface AdminUnit {
  id: number;
  code: string;
  name: LocalizedName;
  kind: (typeof UNIT_KINDS)[number];
  areaCode: string | null;
  active: boolean;
  /** Active staff accounts of the unit. */
  staffCount: number;
}

/** How the public map shows a category's reports: about 100 m off, or not at all (sensitive categories). */
export const PUBLIC_LOCATION_RULES = ['approximate', 'hidden'] as const;

/** `POST /api/admin/categories` -> AdminCategory. */
export const CategoryInput = z.object({
  code,
  name,
  group: code,
  groupName: name,
  icon: z.string().trim().min(1).max(40),
  defaultPriority: z.enum(PRIORITIES),
  /** The deadline of a `normal` report, and optional ones for the other priorities. */
  deadline: Deadline,
  deadlinesByPriority: z.partialRecord(z.enum(PRIORITIES), Deadline).optional(),
  questions: z.array(CategoryQuestion).max(30).optional(),
  duplicateRadiusM: z.number().int().min(0).max(5000).optional(),
  duplicateDays: z.number().int().min(0).max(365).optional(),
  reopenWindowDays: z.number().int().min(0).max(365).optional(),
  autoDispatch: z.boolean().optional(),
  publicLocation: z.enum(PUBLIC_LOCATION_RULES).optional(),
  /** What a unit must give to resolve (both by default). */
  resolveNeedsReply: z.boolean().optional(),
  resolveNeedsPhoto: z.boolean().optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().optional(),
});
/** `PATCH /api/admin/categories/:code`: any subset (the code stays). */
export const CategoryPatch = CategoryInput.omit({ code: true }).partial();
/** A category as admins see it (inactive ones included). */
export type AdminCategory = Required<Omit<z.output<typeof CategoryInput>, 'deadlinesByPriority'>> & {
  deadlinesByPriority: Partial<Record<(typeof PRIORITIES)[number], Deadline>>;
};

/** `POST /api/admin/rules` -> AdminRule: (category or any) x (area or any) -> unit. */
export const RuleInput = z.object({
  categoryCode: z.string().min(1).nullable(),
  areaCode: z.string().min(1).nullable(),
  unitId: z.number().int().positive(),
});
/** `PATCH /api/admin/rules/:id`. */
export const RulePatch = RuleInput.partial();
/** A routing rule. */
export interface AdminRule {
  id: number;
  categoryCode: string | null;
  areaCode: string | null;
  unitId: number;
}

/** `POST /api/admin/rules/test`: where a report at this point would go, per category (or one). */
export const RuleTestInput = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  categoryCode: z.string().min(1).optional(),
});
/** The answer of the "test a point" tool. */
export interface RuleTestResult {
  /** The area the point falls in today, or null (outside every area: the IOC inbox). */
  area: { code: string; name: string } | null;
  results: {
    categoryCode: string;
    /** The winning rule, or null when none matches (the IOC inbox). */
    ruleId: number | null;
    unit: { id: number; name: string };
    /** Every rule that matched, most specific first: why the winner won. */
    candidates: { ruleId: number; unitId: number; specificity: number }[];
  }[];
}

/** Actions a reply template can go with. */
export const TEMPLATE_ACTIONS = ['acknowledge', 'start', 'resolve', 'hand_back', 'reject'] as const;
/** `POST /api/admin/templates` -> ReplyTemplate. */
export const TemplateInput = z.object({
  /** null = every category. */
  categoryCode: z.string().min(1).nullable(),
  action: z.enum(TEMPLATE_ACTIONS),
  title: name,
  text: z.object({ vi: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) }),
  sortOrder: z.number().int().optional(),
});
/** `PATCH /api/admin/templates/:id`. */
export const TemplatePatch = TemplateInput.partial();
/** A reply template (`GET /api/templates?categoryCode=&action=` lists those that apply, for staff). */
export interface ReplyTemplate {
  id: number;
  categoryCode: string | null;
  action: (typeof TEMPLATE_ACTIONS)[number];
  title: LocalizedName;
  text: LocalizedName;
  sortOrder: number;
}
/** Query of `GET /api/templates`. */
export const TemplatesQuery = z.object({
  categoryCode: z.string().min(1).optional(),
  action: z.enum(TEMPLATE_ACTIONS).optional(),
});

/** Passwords of staff accounts: the length rules (the server also refuses common ones: `domain/password-policy.ts`). */
export const Password = z
  .string()
  .min(PASSWORD_POLICY.minLength, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_POLICY.maxLength, PASSWORD_MESSAGES.tooLong);
/** `POST /api/admin/users` -> AdminUser. */
export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'must be at least 3 characters')
    .max(60)
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lower-case letters, digits, "_", "-" or "."'),
  displayName: z.string().trim().min(1, 'is required').max(120),
  role: z.enum(STAFF_ROLES),
  /** Unit staff need a unit; a leader with a unit leads that unit (sees its figures only). */
  unitId: z.number().int().positive().nullable(),
  password: Password,
});
/** `PATCH /api/admin/users/:id`: role, unit, name, disable, or a new password. Cuts the user's sessions when access changes. */
export const UserPatch = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  unitId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
});
/** A staff account as admins see it (never the password hash). */
export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  role: (typeof STAFF_ROLES)[number];
  unitId: number | null;
  disabled: boolean;
  /** Whether two-step verification (TOTP) is on. */
  totpEnrolled: boolean;
  createdAt: string;
}

/** `POST /api/admin/api-keys` -> ApiKeyCreated (the key is shown this once; only its hash is kept). */
export const ApiKeyInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(60)
    .regex(/^[\p{L}\p{N} _.-]+$/u, 'use letters, digits, spaces, "_", "-" or "."'),
});
/** An API key as listed. */
export interface ApiKeyView {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
/** The answer to creating a key: the only time the secret is shown. */
export interface ApiKeyCreated extends ApiKeyView {
  key: string;
}

/** Query of `GET /api/admin/audit`: newest first, `before` an entry id for the next page. */
export const AuditQuery = z.object({
  entity: z.string().min(1).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
/** One administrative change. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** One problem that stops an area import. */
export interface AreaImportProblem {
  /** Index of the feature in the file's `features` array; null for the file as a whole (or an option). */
  feature: number | null;
  /** The feature's code, when it could be read. */
  code?: string;
  /** Dotted path in the file, e.g. `features.12.geometry.coordinates.0.5`, or the option (`validFrom`). */
  path: string;
  message: string;
}

/** `POST /api/admin/areas/preview` (multipart `file`, or a raw GeoJSON body): what an import would do. */
export interface AreaImportPreview {
  features: number;
  /** Positions in the file (all rings of all features). */
  vertices: number;
  /** Property names found on the features, with a few example values, to choose code and name from. */
  properties: { name: string; examples: string[] }[];
  /** Suggested property names (by common names: code, ma, name, ten ...), when one fits. */
  suggested: { code: string | null; name: string | null; nameEn: string | null };
  /** The properties the preview used (those chosen, else the suggested ones). */
  used: { code: string | null; name: string | null; nameEn: string | null };
  /** Problems that would stop the import (at most 200 listed, then one "… and N more"). */
  errors: AreaImportProblem[];
  /**
   * The features simplified for a map preview: a GeoJSON FeatureCollection whose features carry
   * `{ index, code, name, action: 'replace' | 'add' | null, problems }` (geometry null when unreadable).
   */
  preview: unknown;
  /** Codes of areas in force at `validFrom` that the file supersedes, and new codes. */
  replaces: string[];
  adds: string[];
  /** Codes in force at `validFrom` that are missing from the file: `retireMissing` would end them. */
  retires: string[];
  validFrom: string;
}

/** Fields of `POST /api/admin/areas/import` (multipart with `file`, JSON with `geojson`, or a raw GeoJSON body with these in the query). */
export const AreaImportOptions = z.object({
  codeProperty: z.string().min(1, 'is required'),
  nameProperty: z.string().min(1, 'is required'),
  nameEnProperty: z.string().min(1).optional(),
  /** From when the new boundaries apply (ISO date or date-time, local time when no zone); older reports keep the area they were filed in. */
  validFrom: z.string().min(1).optional(),
  /** Free text shown with the boundaries (source, accuracy). */
  note: z.string().max(300).optional(),
  /** End the boundaries of areas missing from the file at `validFrom` too (a full replacement). */
  retireMissing: z.boolean().optional(),
});
/** Fields of `POST /api/admin/areas/preview`: all optional (suggested properties are used when absent). */
export const AreaPreviewOptions = AreaImportOptions.partial();
/** The result of an import. */
export interface AreaImportResult {
  imported: number;
  superseded: number;
  retired: number;
  validFrom: string;
}

/** An area as admins see it: current and past boundaries (`GET /api/admin/areas` -> `{ items }`). */
export interface AdminArea {
  id: number;
  code: string;
  name: LocalizedName;
  note: string | null;
  validFrom: string;
  validTo: string | null;
  /** At the time of the request: in force, starting later, or past (ended, or replaced before it began). */
  status: 'current' | 'scheduled' | 'past';
  vertices: number;
  bbox: [number, number, number, number];
}

/** The whole configuration as one file (`GET /api/admin/config`; `POST` replaces it after checking). */
export const CONFIG_FORMAT = 'beacon-ioc-config/1';

/** The working calendar as admins set it (`PUT /api/admin/calendar`, and the config file's `calendar`). */
export const CalendarSettings = z.object({
  /** Days of the week that are worked, 0 = Sunday. */
  workingWeekdays: z.array(z.number().int().min(0).max(6)).max(7),
  /** Public holidays as local dates (Tết, 30/4, 1/5, 2/9 ...). */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')).max(400),
  /** Start of the working day, local minutes after midnight. */
  dayStartMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 - 1),
});
/** The working calendar as admins set it. */
export type CalendarSettings = z.infer<typeof CalendarSettings>;

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number());
const ring = z.array(position).min(4, 'a ring needs at least 4 positions');
/** One area of the config file: a GeoJSON Feature with `code`, `name` (vi), `nameEn` and `note`. */
const ConfigAreaFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    code: z.string().trim().min(1, 'is required').max(100),
    name: z.string().trim().min(1, 'is required').max(200),
    nameEn: z.string().trim().min(1, 'is required').max(200),
    note: z.string().max(300).nullable().optional(),
    /** When the boundary took effect (informative; an import applies changed boundaries from now). */
    validFrom: z.string().optional(),
  }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ]),
});

/**
 * Most of each kind of record a city may hold: what the configuration file carries, so that every
 * export imports again. The admin API refuses to create one more (409).
 */
export const CITY_LIMITS = { units: 2000, categories: 500, rules: 20000, templates: 5000, users: 5000 } as const;

/**
 * The whole configuration as one file (`GET /api/admin/config` writes it; `POST` checks all of it, then
 * applies it in one transaction). Units and categories are matched by code (created or updated, never
 * deleted); rules, templates and the calendar are replaced; users missing from the city are created
 * disabled, with no usable password, until an admin sets one; existing users are left as they are.
 * `areas` may be left out to keep the current boundaries. API keys and password hashes are never in it.
 */
export const ConfigFile = z.object({
  format: z.literal(CONFIG_FORMAT, `must be "${CONFIG_FORMAT}"`),
  exportedAt: z.string().optional(),
  units: z.array(UnitInput).max(CITY_LIMITS.units),
  categories: z.array(CategoryInput).max(CITY_LIMITS.categories),
  areas: z.object({ type: z.literal('FeatureCollection'), features: z.array(ConfigAreaFeature).max(5000) }).optional(),
  rules: z
    .array(
      z.object({
        categoryCode: z.string().min(1).nullable(),
        areaCode: z.string().min(1).nullable(),
        unitCode: z.string().min(1, 'is required'),
      }),
    )
    .max(CITY_LIMITS.rules),
  templates: z.array(TemplateInput).max(CITY_LIMITS.templates),
  calendar: CalendarSettings,
  users: z
    .array(
      z.object({
        username: UserInput.shape.username,
        displayName: UserInput.shape.displayName,
        role: z.enum(STAFF_ROLES),
        unitCode: z.string().min(1).nullable(),
        disabled: z.boolean(),
      }),
    )
    .max(CITY_LIMITS.users),
});
/** The configuration file. */
export type ConfigFile = z.infer<typeof ConfigFile>;

/** What `POST /api/admin/config` changed. */
export interface ConfigImportSummary {
  units: { created: string[]; updated: string[]; unchanged: number };
  categories: { created: string[]; updated: string[]; unchanged: number };
  /** Whether the boundaries differed from the current ones and were imported (see AreaImportResult). */
  areas: { changed: boolean; imported: number; superseded: number; retired: number };
  rules: { removed: number; added: number };
  templates: { removed: number; added: number };
  calendar: { changed: boolean };
  /** Usernames created (disabled until an admin sets a password); existing accounts are left as they are. */
  users: { created: string[]; existing: number };
}

import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../domain/channels';
import { REPORT_ACTIONS } from '../domain/lifecycle';
import { STAFF_ROLES } from '../domain/roles';
import { REPORT_STATUSES } from '../domain/statuses';
import type * as Admin from '../schemas/admin';
import { CONFIG_FORMAT, ConfigFile, PUBLIC_LOCATION_RULES, TEMPLATE_ACTIONS, UNIT_KINDS } from '../schemas/admin';
import { CategoryDto, CategoryQuestion, Deadline, type AreaDto, type UnitDto } from '../schemas/categories';
import type * as Ioc from '../schemas/ioc';
import type * as Reports from '../schemas/reports';
import type { TotpSetup } from '../schemas/auth';
import type * as Stats from '../schemas/stats';
import { STATS_BUCKETS, STATS_FIGURES } from '../schemas/stats';

// What every JSON success answers, as zod schemas: `shared/api/routes.ts` names one per route, the
// OpenAPI document publishes them, and the fuzz test holds every 2xx body to them. Objects are strict
// (an unlisted field fails), so a field leaking out of a presenter is caught. Where `shared/` has the
// TypeScript type the server returns, the schema is checked against it (`z.ZodType<T>`).

const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'ISO 8601 in UTC');
const nullableIso = iso.nullable();
const int = z.number().int();
const count = z.number().int().nonnegative();
const status = z.enum(REPORT_STATUSES);
const localized = z.strictObject({ vi: z.string(), en: z.string() });
const areaRef = z.strictObject({ code: z.string(), name: z.string() });
const unitRef = z.strictObject({ id: int, name: z.string() });
const items = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

/** `GET /api/health`. */
export const HealthResponse = z.strictObject({ status: z.literal('ok') });
/** `GET /api/docs`: an OpenAPI 3.1 document. */
export const OpenApiResponse = z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) });

/** `GET /api/categories`. */
export const CategoryList: z.ZodType<CategoryDto[]> = z.array(CategoryDto);
/** `GET /api/areas`. */
export const AreaList: z.ZodType<AreaDto[]> = z.array(
  z.strictObject({
    code: z.string(),
    name: z.string(),
    geometry: z.strictObject({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    note: z.string().nullable(),
  }),
);
/** `GET /api/units`. */
export const UnitList: z.ZodType<UnitDto[]> = z.array(
  z.strictObject({ id: int, code: z.string(), name: localized, kind: z.string() }),
);

/** A signed-in staff member (`/api/auth/login`, `/api/auth/me`). */
export const SessionUserResponse: z.ZodType<Reports.SessionUser> = z.strictObject({
  id: int,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  unit: unitRef.nullable(),
  twoFactor: z.enum(['on', 'off', 'enrol']).optional(),
});

/** `POST /api/auth/totp/setup`: the new secret, its URI and QR code (shown this once). */
export const TotpSetupResponse: z.ZodType<TotpSetup> = z.strictObject({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

const photo = z.strictObject({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: int,
  height: int,
});
const rating = z.strictObject({ score: int.min(1).max(5), comment: z.string().nullable(), at: iso }).nullable();
const timelineFields = {
  eventId: int,
  at: iso,
  type: z.string(),
  fromStatus: status.nullable(),
  toStatus: status.nullable(),
  unit: unitRef.nullable(),
  note: z.string().nullable(),
  photos: z.array(photo),
};
const category = z.strictObject({ code: z.string(), name: localized });

/** The 201 of `POST /api/reports`. */
export const CreateReportResponse: z.ZodType<Reports.CreateReportResult> = z.strictObject({
  id: int,
  trackingCode: z.string(),
  status,
  area: areaRef.nullable(),
  unit: unitRef.nullable(),
  dueAt: iso,
  residentToken: z.string(),
  photos: z.array(photo),
});

/** A report as the public sees it. */
export const PublicReportResponse: z.ZodType<Reports.PublicReportView> = z.strictObject({
  trackingCode: z.string(),
  category,
  status,
  area: areaRef.nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  description: z.string(),
  createdAt: iso,
  updatedAt: iso,
  dueAt: iso,
  resolvedAt: nullableIso,
  unit: unitRef.nullable(),
  reporterCount: count,
  photos: z.array(photo),
  rating,
  reopenUntil: nullableIso,
  timeline: z.array(z.strictObject(timelineFields)),
});

/** `POST /api/track/:code/follow`. */
export const FollowResponse: z.ZodType<Reports.FollowResult> = z.strictObject({
  report: PublicReportResponse,
  residentToken: z.string(),
});

/** `GET /api/reports/nearby`. */
export const NearbyResponse: z.ZodType<Reports.NearbyReport[]> = z.array(
  z.strictObject({
    trackingCode: z.string(),
    status,
    description: z.string(),
    distanceM: z.number().nonnegative(),
    createdAt: iso,
    reporterCount: count,
    thumbUrl: z.string().nullable(),
  }),
);

/** `GET /api/map`. */
export const PublicMapResponse: z.ZodType<Reports.PublicMapFeature[]> = z.array(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('cluster'),
      id: int,
      lat: z.number(),
      lng: z.number(),
      count: count,
      expansionZoom: int,
    }),
    z.strictObject({
      type: z.literal('report'),
      trackingCode: z.string(),
      lat: z.number(),
      lng: z.number(),
      status,
      categoryCode: z.string(),
    }),
  ]),
);

const staffViewFields = {
  id: int,
  trackingCode: z.string(),
  category,
  status,
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  apiClient: z.string().nullable(),
  area: areaRef.nullable(),
  unit: unitRef.nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  description: z.string(),
  reporterCount: count,
  createdAt: iso,
  updatedAt: iso,
  dueAt: iso,
  resolvedAt: nullableIso,
  acknowledgedAt: nullableIso,
  version: count,
  actions: z.array(z.enum(REPORT_ACTIONS)),
};
/** A report as staff see it in lists and after a change. */
export const StaffReportResponse: z.ZodType<Reports.StaffReportView> = z.strictObject(staffViewFields);
/** `GET /api/reports/:id`: the staff view with the timeline (and contact for the IOC). */
export const StaffReportDetailResponse: z.ZodType<Reports.StaffReportDetail> = z.strictObject({
  ...staffViewFields,
  timeline: z.array(
    z.strictObject({ ...timelineFields, actor: z.string().nullable(), internalNote: z.string().nullable() }),
  ),
  contact: z
    .strictObject({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  photos: z.array(photo),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  rating,
});
/** `GET /api/reports`. */
export const ReportListResponse: z.ZodType<Reports.ReportList> = z.strictObject({
  items: z.array(StaffReportResponse),
  lastEventId: count,
});

/** `GET /api/ioc/map`. */
export const StaffMapResponse: z.ZodType<Ioc.StaffMapFeature[]> = z.array(
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('cluster'),
      id: int,
      lat: z.number(),
      lng: z.number(),
      count: count,
      overdue: count,
      dueSoon: count,
      expansionZoom: int,
    }),
    z.strictObject({
      type: z.literal('report'),
      id: int,
      trackingCode: z.string(),
      lat: z.number(),
      lng: z.number(),
      status,
      priority: z.enum(PRIORITIES),
      categoryCode: z.string(),
      deadline: z.enum(['on_time', 'due_soon', 'overdue']),
    }),
  ]),
);
/** `GET /api/ioc/summary`. */
export const IocSummaryResponse: z.ZodType<Ioc.IocSummary> = z.strictObject({
  today: count,
  open: count,
  overdue: count,
  onTimeRate: z.number().min(0).max(1).nullable(),
});

const rate = z.number().min(0).max(1).nullable();
const minutes = z.number().nonnegative().nullable();

/** `GET /api/stats/summary`. */
export const StatsSummaryResponse: z.ZodType<Stats.StatsSummary> = z.strictObject({
  from: z.string(),
  to: z.string(),
  received: count,
  perDay: z.array(z.strictObject({ date: z.string(), categoryCode: z.string(), count: count })),
  statusCounts: z.partialRecord(status, count),
  resolved: count,
  resolvedOnTime: count,
  onTimeRate: rate,
  byUnit: z.array(
    z.strictObject({ unitId: int, unitName: z.string(), received: count, resolved: count, onTime: count }),
  ),
  medianResolveMinutes: minutes,
  overdueOpen: count,
  unitId: int.nullable(),
});

const compared = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, previous: value, delta: z.number().nullable() });
const satisfaction = z.strictObject({
  count: count,
  satisfied: count,
  rate,
  mean: z.number().min(1).max(5).nullable(),
});
const breakdownRow = z.strictObject({
  key: z.string().nullable(),
  name: z.string().nullable(),
  received: count,
  resolved: count,
  resolvedOnTime: count,
  onTimeRate: rate,
  medianResolveMinutes: minutes,
  satisfaction,
});
const nullableNumber = z.number().nullable();

/** `GET /api/stats/overview`. */
export const StatsOverviewResponse: z.ZodType<Stats.StatsOverview> = z.strictObject({
  from: iso,
  to: iso,
  previousFrom: iso,
  previousTo: iso,
  filters: z.strictObject({
    unitId: int.nullable(),
    areaCode: z.string().nullable(),
    categoryCode: z.string().nullable(),
    channel: z.enum(CHANNELS).nullable(),
  }),
  headline: z.strictObject({
    received: compared(count),
    rejected: compared(count),
    duplicates: compared(count),
    resolved: compared(count),
    resolvedOnTime: compared(count),
    onTimeRate: compared(nullableNumber),
    medianResolveMinutes: compared(nullableNumber),
    p90ResolveMinutes: compared(nullableNumber),
    backlog: compared(count),
    backlogMedianAgeMinutes: compared(nullableNumber),
    satisfactionRate: compared(nullableNumber),
    satisfactionMean: compared(nullableNumber),
    ratings: compared(count),
  }),
  resolveTimes: z.strictObject({ count: count, median: minutes, p90: minutes }),
  satisfaction,
  backlog: z.strictObject({
    at: iso,
    open: count,
    medianAgeMinutes: minutes,
    p90AgeMinutes: minutes,
    oldestAgeMinutes: minutes,
    ageBands: z.strictObject({ under1d: count, d1to3: count, d3to7: count, over7d: count }),
  }),
  trend: z.strictObject({
    bucket: z.enum(STATS_BUCKETS),
    points: z.array(z.strictObject({ start: z.string(), received: count, resolved: count, resolvedOnTime: count })),
  }),
  breakdowns: z.strictObject({
    unit: z.array(breakdownRow),
    area: z.array(breakdownRow),
    category: z.array(breakdownRow),
    channel: z.array(breakdownRow),
  }),
  ranking: z.strictObject({
    minSample: int.min(1),
    ranked: z.array(
      z.strictObject({
        rank: int.min(1),
        unitId: int,
        name: z.string().nullable(),
        resolved: count,
        onTimeRate: z.number().min(0).max(1),
      }),
    ),
    tooFewToRank: z.array(z.strictObject({ unitId: int, name: z.string().nullable(), resolved: count })),
  }),
});

/** `GET /api/stats/reports`. */
export const StatsReportPageResponse: z.ZodType<Stats.StatsReportPage> = z.strictObject({
  figure: z.enum(STATS_FIGURES),
  total: count,
  page: int.min(1),
  pageSize: int.min(1),
  items: z.array(
    z.strictObject({
      trackingCode: z.string(),
      categoryCode: z.string(),
      status,
      priority: z.string(),
      channel: z.enum(CHANNELS),
      areaCode: z.string().nullable(),
      areaName: z.string().nullable(),
      unitId: int.nullable(),
      unitName: z.string().nullable(),
      createdAt: iso,
      dueAt: iso,
      resolvedAt: nullableIso,
      resolveMinutes: minutes,
      rating: int.min(1).max(5).nullable(),
    }),
  ),
});

/** `GET /api/stats/heatmap`. */
export const StatsHeatmapResponse: z.ZodType<Stats.StatsHeatmap> = z.strictObject({
  cellDeg: z.number().positive(),
  cells: z.array(z.tuple([z.number(), z.number(), count])),
  max: count,
  total: count,
  unlocated: count,
});

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

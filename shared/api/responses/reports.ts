import { z } from 'zod';
import { CHANNELS, PRIORITIES } from '../../domain/channels';
import { REPORT_ACTIONS } from '../../domain/lifecycle';
import { STAFF_ROLES } from '../../domain/roles';
import type { TotpSetup } from '../../schemas/auth';
import { CategoryDto, type AreaDto, type UnitDto } from '../../schemas/categories';
import type * as Ioc from '../../schemas/ioc';
import type * as Reports from '../../schemas/reports';
import { iso, nullableIso, int, count, status, localized, areaRef, unitRef } from './common';

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

/** A map's cluster and a single report: the fields both maps (public and IOC) have. */
const clusterFields = {
  type: z.literal('cluster'),
  id: int,
  lat: z.number(),
  lng: z.number(),
  count,
  expansionZoom: int,
};
const pointFields = { type: z.literal('report'), trackingCode: z.string(), lat: z.number(), lng: z.number(), status };

/** `GET /api/map`. */
export const PublicMapResponse: z.ZodType<Reports.PublicMapFeature[]> = z.array(
  z.discriminatedUnion('type', [
    z.strictObject(clusterFields),
    z.strictObject({
      ...pointFields,
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
    z.strictObject({ ...clusterFields, overdue: count, dueSoon: count }),
    z.strictObject({
      ...pointFields,
      id: int,
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

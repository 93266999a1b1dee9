import { z } from 'zod';
import { CHANNELS } from '../domain/channels';
import { LIMITS } from '../domain/limits';
import { REPORT_ACTIONS } from '../domain/lifecycle';
import type { ReportAction } from '../domain/lifecycle';
import type { StaffRole } from '../domain/roles';
import type { ReportStatus } from '../domain/statuses';
import type { Channel, Priority } from '../domain/channels';
import type { AreaRef, LocalizedName, UnitRef } from './common';

const trimmed = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
// An empty field means absent.
const optionalText = (max: number) =>
  trimmed(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

/** Reporter contact details; private (IOC operators and admins only). */
export const ContactInput = z.object({
  name: optionalText(LIMITS.contactNameMax),
  phone: optionalText(LIMITS.contactPhoneMax).refine(
    (v) => v === undefined || /^[+\d][\d\s().-]{5,}$/.test(v),
    'is not a phone number',
  ),
  email: optionalText(LIMITS.contactEmailMax).refine(
    (v) => v === undefined || z.email().safeParse(v).success,
    'is not an email address',
  ),
});

const latitude = z
  .number({ error: 'must be a number' })
  .min(-90, 'must be between -90 and 90')
  .max(90, 'must be between -90 and 90');
const longitude = z
  .number({ error: 'must be a number' })
  .min(-180, 'must be between -180 and 180')
  .max(180, 'must be between -180 and 180');

/** Answers to a category's extra questions, by question code (a list for multivaluelist). */
export const AttributesInput = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'is not a question code'),
  z.union([z.string().max(LIMITS.attributeValueMax), z.array(z.string().max(LIMITS.attributeValueMax)).max(50)]),
);

/**
 * The body of `POST /api/reports` (JSON, or multipart/form-data with the same field names, nested ones
 * as `contact.name` and `attributes.pole_number`, and up to 3 files under `photos`). A report has a
 * point (`lat` and `lng`), or, when the map cannot be used, an `address` and the ward (`areaCode`)
 * picked from `GET /api/areas`: it then routes by that ward and the IOC places it on the map.
 */
export const CreateReportInput = z
  .object({
    categoryCode: z.string().min(1, 'is required'),
    lat: latitude.optional(),
    lng: longitude.optional(),
    areaCode: optionalText(100),
    description: trimmed(LIMITS.descriptionMax).min(
      LIMITS.descriptionMin,
      `must be at least ${LIMITS.descriptionMin} characters`,
    ),
    address: optionalText(LIMITS.addressMax),
    contact: ContactInput.optional(),
    channel: z.enum(CHANNELS).optional(),
    attributes: AttributesInput.optional(),
    /**
     * A honeypot: the form has this field hidden from people, so only a bot fills it. Such a report
     * gets a normal receipt but is held for an operator's review instead of reaching a unit.
     */
    website: z.string().max(LIMITS.addressMax).optional(),
  })
  .superRefine((v, ctx) => {
    const hasLat = v.lat !== undefined;
    const hasLng = v.lng !== undefined;
    if (hasLat !== hasLng) {
      ctx.addIssue({
        code: 'custom',
        path: [hasLat ? 'lng' : 'lat'],
        message: 'is required with the other coordinate',
      });
    }
    if (!hasLat && !hasLng) {
      if (!v.areaCode)
        ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'is required when there is no point on the map' });
      if (!v.address)
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'is required when there is no point on the map' });
    }
  });
/** The body of `POST /api/reports`. */
export type CreateReportInput = z.input<typeof CreateReportInput>;
/** The body of `POST /api/reports` after validation. */
export type CreateReportData = z.output<typeof CreateReportInput>;

/** Header that proves a device filed or followed a report (for comments, rating, reopening). */
export const RESIDENT_TOKEN_HEADER = 'x-resident-token';

/** A stored, re-encoded photo (no metadata); URLs are served under the public view's rules. */
export interface PhotoRef {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

/** The 201 answer to `POST /api/reports`. */
export interface CreateReportResult {
  id: number;
  trackingCode: string;
  status: ReportStatus;
  area: AreaRef | null;
  unit: UnitRef | null;
  dueAt: string;
  /**
   * Secret for this device only: send it as `X-Resident-Token` to comment, rate or reopen. Shown once;
   * the server keeps only its hash.
   */
  residentToken: string;
  photos: PhotoRef[];
}

/** One entry of a report's timeline (public projection of a report event). */
export interface TimelineEntry {
  eventId: number;
  at: string;
  type: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  unit: UnitRef | null;
  /** Public text: a resolution reply, a rejection reason, a resident's comment. */
  note: string | null;
  /** Photos added with this entry (a resident's comment, a unit's after-photo). */
  photos: PhotoRef[];
}

/** What anyone holding the tracking code may see. Never any reporter identity. */
export interface PublicReportView {
  trackingCode: string;
  category: { code: string; name: LocalizedName };
  status: ReportStatus;
  area: AreaRef | null;
  /** Rounded to about 100 m; null while a report filed by address waits for the IOC to place it. */
  lat: number | null;
  lng: number | null;
  description: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  unit: UnitRef | null;
  /** How many residents reported this problem (the filer and those who followed it). */
  reporterCount: number;
  /** Photos filed with the report. */
  photos: PhotoRef[];
  rating: { score: number; comment: string | null; at: string } | null;
  /** Until when a resident may reopen it (resolved reports only), else null. */
  reopenUntil: string | null;
  timeline: TimelineEntry[];
}

/** The full staff projection of a report (without reporter contact, which only `contact` adds). */
export interface StaffReportView {
  id: number;
  trackingCode: string;
  category: { code: string; name: LocalizedName };
  status: ReportStatus;
  priority: Priority;
  channel: Channel;
  /** The system that filed it through Open311 (its API key's name), or null. */
  apiClient: string | null;
  area: AreaRef | null;
  unit: UnitRef | null;
  /** Null for a report filed by address that the IOC has not placed yet. */
  lat: number | null;
  lng: number | null;
  address: string | null;
  description: string;
  reporterCount: number;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  /** When the responsible unit acknowledged it (cleared when it moves to another unit). */
  acknowledgedAt: string | null;
  version: number;
  /** Lifecycle actions the viewing user may take now. */
  actions: ReportAction[];
}

/** A staff report with its timeline and, for IOC operators and admins only, the reporter's contact. */
export interface StaffReportDetail extends StaffReportView {
  /** Timeline with who acted and the staff-only note of each entry. */
  timeline: (TimelineEntry & { actor: string | null; internalNote: string | null })[];
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  photos: PhotoRef[];
  /** Answers to the category's extra questions. */
  attributes: Record<string, string | string[]>;
  rating: { score: number; comment: string | null; at: string } | null;
}

/** Query of `GET /api/reports`. */
export const ListReportsQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
  unitId: z.coerce.number().int().positive().optional(),
  categoryCode: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.listPageMax).default(200),
});

/** The answer of `GET /api/reports`: a snapshot plus the event id it is consistent with. */
export interface ReportList {
  items: StaffReportView[];
  /** Apply socket events with a greater id on top of this snapshot. */
  lastEventId: number;
}

/** The body of `POST /api/reports/:id/transitions`. */
export const TransitionInput = z.object({
  action: z.enum(REPORT_ACTIONS),
  version: z.number().int().nonnegative(),
  unitId: z.number().int().positive().optional(),
  reason: trimmed(LIMITS.reasonMax).optional(),
  note: trimmed(LIMITS.noteMax).optional(),
  duplicateOf: z.string().optional(),
});
/** The body of `POST /api/reports/:id/transitions`. */
export type TransitionInput = z.infer<typeof TransitionInput>;

/** The body of a resident's action on `POST /api/track/:code/actions` (needs `X-Resident-Token`) -> PublicReportView. */
export const ResidentActionInput = z.object({
  action: z.enum(['close', 'reopen']),
  reason: trimmed(LIMITS.reasonMax).optional(),
});

/** `POST /api/track/:code/comments` (JSON, or multipart with `text` and up to 3 `photos`) -> PublicReportView. */
export const ResidentCommentInput = z.object({
  text: optionalText(LIMITS.commentMax),
});

/** `POST /api/track/:code/rating` -> PublicReportView: once, when resolved or closed; rating a resolved report closes it. */
export const RatingInput = z.object({
  score: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be 1 to 5')
    .max(5, 'must be 1 to 5'),
  comment: optionalText(LIMITS.ratingCommentMax),
});

/** Query of `GET /api/reports/nearby`: possible duplicates before filing. */
export const NearbyQuery = z.object({
  categoryCode: z.string().min(1, 'is required'),
  lat: z.coerce.number({ error: 'must be a number' }).min(-90).max(90),
  lng: z.coerce.number({ error: 'must be a number' }).min(-180).max(180),
});

/** An open report of the same category near the resident's point. */
export interface NearbyReport {
  trackingCode: string;
  status: ReportStatus;
  description: string;
  distanceM: number;
  createdAt: string;
  reporterCount: number;
  thumbUrl: string | null;
}

/** Answer to `POST /api/track/:code/follow`: the report, and this device's token for it. */
export interface FollowResult {
  report: PublicReportView;
  residentToken: string;
}

/** `POST /api/reports/:id/location`: the IOC places a report (e.g. one filed by address) on the map. */
export const SetLocationInput = z.object({
  lat: latitude,
  lng: longitude,
  version: z.number().int().nonnegative(),
});

/** Query of `GET /api/map`: the public map's reports in a viewport, clustered for the zoom. */
export const PublicMapQuery = z.object({
  bbox: z
    .string()
    .transform((v) => v.split(',').map(Number))
    .refine((b) => b.length === 4 && b.every(Number.isFinite), 'must be minLng,minLat,maxLng,maxLat'),
  zoom: z.coerce.number().int().min(0).max(22),
  category: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined)),
  /** open (default), resolved (in the last 30 days) or all (both). */
  status: z.enum(['open', 'resolved', 'all']).default('open'),
});

/** One feature of the public map: a cluster of reports, or one report (public view only). */
export type PublicMapFeature =
  | { type: 'cluster'; id: number; lat: number; lng: number; count: number; expansionZoom: number }
  | { type: 'report'; trackingCode: string; lat: number; lng: number; status: ReportStatus; categoryCode: string };

/** Signed-in user as the web sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  unit: UnitRef | null;
  /**
   * Two-step verification (TOTP): `on`, `off`, or `enrol`: an admin without a second factor, whose
   * session may do nothing but enrol one (`POST /api/auth/totp/setup`, then `/confirm`).
   */
  twoFactor?: 'on' | 'off' | 'enrol';
}

/** The body of `POST /api/auth/login`; `totp` is the authenticator code, needed once one is enrolled. */
export const LoginInput = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
  totp: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits shown by the authenticator app')
    .optional(),
});

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

/** The body of `POST /api/reports`. */
export const CreateReportInput = z.object({
  categoryCode: z.string().min(1, 'is required'),
  lat: z
    .number({ error: 'must be a number' })
    .min(-90, 'must be between -90 and 90')
    .max(90, 'must be between -90 and 90'),
  lng: z
    .number({ error: 'must be a number' })
    .min(-180, 'must be between -180 and 180')
    .max(180, 'must be between -180 and 180'),
  description: trimmed(LIMITS.descriptionMax).min(
    LIMITS.descriptionMin,
    `must be at least ${LIMITS.descriptionMin} characters`,
  ),
  address: optionalText(LIMITS.addressMax),
  contact: ContactInput.optional(),
  channel: z.enum(CHANNELS).optional(),
});
/** The body of `POST /api/reports`. */
export type CreateReportInput = z.input<typeof CreateReportInput>;
/** The body of `POST /api/reports` after validation. */
export type CreateReportData = z.output<typeof CreateReportInput>;

/** The 201 answer to `POST /api/reports`. */
export interface CreateReportResult {
  id: number;
  trackingCode: string;
  status: ReportStatus;
  area: AreaRef | null;
  unit: UnitRef | null;
  dueAt: string;
}

/** One entry of a report's timeline (public projection of a report event). */
export interface TimelineEntry {
  eventId: number;
  at: string;
  type: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  unit: UnitRef | null;
  /** Public text: a resolution reply, a rejection reason. */
  note: string | null;
}

/** What anyone holding the tracking code may see. Never any reporter identity. */
export interface PublicReportView {
  trackingCode: string;
  category: { code: string; name: LocalizedName };
  status: ReportStatus;
  area: AreaRef | null;
  /** Rounded to about 100 m. */
  lat: number;
  lng: number;
  description: string;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  unit: UnitRef | null;
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
  area: AreaRef | null;
  unit: UnitRef | null;
  lat: number;
  lng: number;
  address: string | null;
  description: string;
  reporterCount: number;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  version: number;
  /** Lifecycle actions the viewing user may take now. */
  actions: ReportAction[];
}

/** A staff report with its timeline and, for IOC operators and admins only, the reporter's contact. */
export interface StaffReportDetail extends StaffReportView {
  /** Timeline with who acted and the staff-only note of each entry. */
  timeline: (TimelineEntry & { actor: string | null; internalNote: string | null })[];
  contact: { name: string | null; phone: string | null; email: string | null } | null;
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

/** The body of a resident's action on `POST /api/track/:code/actions`. */
export const ResidentActionInput = z.object({
  action: z.enum(['close', 'reopen']),
  reason: trimmed(LIMITS.reasonMax).optional(),
});

/** Signed-in user as the web sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  unit: UnitRef | null;
}

/** The body of `POST /api/auth/login`. */
export const LoginInput = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});

import { z } from 'zod';
import { PRIORITIES, type Priority } from '../domain/channels';
import { LIMITS } from '../domain/limits';
import type { ReportStatus } from '../domain/statuses';

/** `POST /api/reports/:id/priority` (operators, admins) -> StaffReportView. */
export const SetPriorityInput = z.object({
  priority: z.enum(PRIORITIES),
  version: z.number().int().nonnegative(),
});

/** `POST /api/reports/:id/notes`: an internal note, staff only -> StaffReportView. */
export const InternalNoteInput = z.object({
  text: z.string().trim().min(1, 'is required').max(LIMITS.noteMax),
  version: z.number().int().nonnegative(),
});

/**
 * `POST /api/reports/:id/correction` (operators, admins) -> StaffReportView: a corrected category and/or
 * point; routing and the deadline are recomputed from the report's receipt time.
 */
export const CorrectionInput = z
  .object({
    categoryCode: z.string().min(1).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    version: z.number().int().nonnegative(),
  })
  .refine((v) => v.categoryCode !== undefined || (v.lat !== undefined && v.lng !== undefined), {
    message: 'give a category, or both lat and lng',
    path: ['categoryCode'],
  });

/** Query of `GET /api/ioc/map`: open reports in a viewport, clustered on the server for the zoom. */
export const StaffMapQuery = z.object({
  bbox: z
    .string()
    .transform((v) => v.split(',').map(Number))
    .refine((b) => b.length === 4 && b.every(Number.isFinite), 'must be minLng,minLat,maxLng,maxLat'),
  zoom: z.coerce.number().int().min(0).max(22),
});

/** Deadline state of an open report as the wall map colours it. */
export type DeadlineState = 'on_time' | 'due_soon' | 'overdue';

/** One feature of the staff wall map. */
export type StaffMapFeature =
  | {
      type: 'cluster';
      id: number;
      lat: number;
      lng: number;
      count: number;
      overdue: number;
      dueSoon: number;
      expansionZoom: number;
    }
  | {
      type: 'report';
      id: number;
      trackingCode: string;
      lat: number;
      lng: number;
      status: ReportStatus;
      priority: Priority;
      categoryCode: string;
      deadline: DeadlineState;
    };

/** `GET /api/ioc/summary`: the wall's headline counters. */
export interface IocSummary {
  /** Reports received since local midnight. */
  today: number;
  open: number;
  overdue: number;
  /** Resolved in the last 30 days before their deadline / resolved in the last 30 days (null if none). */
  onTimeRate: number | null;
}

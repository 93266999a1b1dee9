import { z } from 'zod';
import { CHANNELS } from '../domain/channels';
import { AreaRef, LocalizedName, UnitRef } from './common';

/** Why a report was held for review instead of reaching a unit. */
export const HOLD_REASONS = ['honeypot', 'blocked_sender'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

const iso = z.string();
const photo = z.strictObject({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** A report held for review, as IOC operators see it in the review queue. */
export const HeldReportView = z.strictObject({
  id: z.number().int(),
  trackingCode: z.string(),
  reason: z.enum(HOLD_REASONS),
  createdAt: iso,
  category: z.strictObject({ code: z.string(), name: z.strictObject(LocalizedName.shape) }),
  description: z.string(),
  channel: z.enum(CHANNELS),
  area: z.strictObject(AreaRef.shape).nullable(),
  /** The unit it would have gone to. */
  unit: z.strictObject(UnitRef.shape).nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  address: z.string().nullable(),
  photos: z.array(photo),
  contact: z.strictObject({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  /** Other reports held from the same device or address (a burst is a strong sign of abuse). */
  sameSender: z.number().int().nonnegative(),
});
export type HeldReportView = z.infer<typeof HeldReportView>;

/** `GET /api/review`: the held reports, newest first, and how many there are. */
export const HeldReportList = z.strictObject({ items: z.array(HeldReportView), total: z.number().int() });
export type HeldReportList = z.infer<typeof HeldReportList>;

/** `POST /api/review/:id/release`: the report it was filed as. */
export const ReleasedReport = z.strictObject({ id: z.number().int(), trackingCode: z.string() });
export type ReleasedReport = z.infer<typeof ReleasedReport>;

/** The body of "block this sender": its device (the default), its network address for a day, or both. */
export const BlockSenderInput = z
  .strictObject({
    device: z.boolean().default(true),
    address: z.boolean().default(false),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.device || v.address, { message: 'block the device, the address or both', path: ['device'] });
export type BlockSenderInput = z.input<typeof BlockSenderInput>;

/** A block in force. */
export const BlockedSenderView = z.strictObject({
  id: z.number().int(),
  kind: z.enum(['device', 'address']),
  /** The report it was blocked from (its tracking code), when known. */
  trackingCode: z.string().nullable(),
  reason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: iso,
  /** Null: until lifted. */
  expiresAt: iso.nullable(),
});
export type BlockedSenderView = z.infer<typeof BlockedSenderView>;

/** `GET /api/blocked-senders`, and the answer to a block: the blocks in force. */
export const BlockedSenderList = z.strictObject({ items: z.array(BlockedSenderView) });
export type BlockedSenderList = z.infer<typeof BlockedSenderList>;

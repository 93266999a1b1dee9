import { createHmac } from 'node:crypto';
import type { Db } from '../../db/client';
import { serverSecret } from '../../db/settings';
import type { HoldReason } from '../../../shared/schemas/review';
import type { Clock } from '../../domain/clock';
import type { EventRow, NewReportRow, PhotoRow, ReportRow } from '../reports/reports.repository';
import type { StoredPhoto } from '../reports/report-writer';
import type { HeldRow, SpamRepository } from './spam.repository';

/** Header carrying the resident app's random device id (made on the device, kept in its storage). */
export const DEVICE_ID_HEADER = 'x-device-id';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Who sent a request, as far as the server can tell: the app's device id and the network address. */
export interface Sender {
  deviceId?: string;
  address?: string;
}

/** A sender as stored: keyed hashes only (neither the device id nor the address is kept). */
export interface SenderHashes {
  device: string | null;
  address: string | null;
}

/** The device id a request carries, or undefined when absent or not one the app makes. */
export function deviceIdOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && DEVICE_ID.test(value) ? value : undefined;
}

/** Decides whether a new report is held for review: the honeypot was filled, or its sender is blocked. */
export class SenderGate {
  private readonly secret: Buffer;

  constructor(
    db: Db,
    private readonly repo: SpamRepository,
    private readonly clock: Clock,
  ) {
    this.secret = serverSecret(db, 'sender_hash_secret');
  }

  private hash(kind: string, value: string | undefined): string | null {
    return value ? createHmac('sha256', this.secret).update(`${kind}:${value}`).digest('base64url') : null;
  }

  /** The keyed hashes of a sender. */
  hashes(sender: Sender | undefined): SenderHashes {
    return { device: this.hash('device', sender?.deviceId), address: this.hash('address', sender?.address) };
  }

  /** Null to file normally, else why to hold it. */
  holdReason(sender: SenderHashes, honeypot: string | undefined): HoldReason | null {
    if (honeypot !== undefined && honeypot.trim() !== '') return 'honeypot';
    const now = this.clock.now();
    if (sender.device && this.repo.activeBlock('device', sender.device, now)) return 'blocked_sender';
    if (sender.address && this.repo.activeBlock('address', sender.address, now)) return 'blocked_sender';
    return null;
  }
}

/**
 * A held report as the report it would have been (for its sender's receipt and tracking page, which
 * must look like any other): status "received", one `created` event, its photos.
 */
export function heldAsReport(held: HeldRow): { row: ReportRow; event: EventRow; photos: PhotoRow[] } {
  const would = JSON.parse(held.receipt) as NewReportRow;
  const row: ReportRow = {
    id: held.id,
    trackingCode: held.trackingCode,
    categoryCode: would.categoryCode,
    lat: would.lat ?? null,
    lng: would.lng ?? null,
    address: would.address ?? null,
    description: would.description,
    channel: would.channel,
    areaCode: would.areaCode ?? null,
    areaName: would.areaName ?? null,
    unitId: would.unitId ?? null,
    priority: would.priority,
    status: 'received',
    reporterName: null,
    reporterPhone: null,
    reporterEmail: null,
    reporterCount: 1,
    duplicateOfId: null,
    attributes: would.attributes ?? '{}',
    rating: null,
    ratingComment: null,
    ratedAt: null,
    createdAt: held.createdAt,
    updatedAt: held.createdAt,
    dueAt: would.dueAt,
    resolvedAt: null,
    closedAt: null,
    overdueAt: null,
    acknowledgedAt: null,
    version: 0,
    apiClient: null,
    senderDevice: null,
    senderAddress: null,
  };
  const event: EventRow = {
    id: 0,
    reportId: held.id,
    type: 'created',
    fromStatus: null,
    toStatus: 'received',
    unitId: row.unitId,
    prevUnitId: null,
    actorUserId: null,
    actorRole: 'resident',
    publicNote: null,
    internalNote: null,
    createdAt: held.createdAt,
  };
  const photos = (JSON.parse(held.photos) as StoredPhoto[]).map((p): PhotoRow => ({
    ...p,
    reportId: held.id,
    eventId: 0,
    createdAt: held.createdAt,
  }));
  return { row, event, photos };
}

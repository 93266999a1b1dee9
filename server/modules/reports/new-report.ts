import type { Channel } from '../../../shared/domain/channels';
import type { CreateReportData } from '../../../shared/schemas/reports';
import { computeDueAt, type WorkingCalendar } from '../../domain/working-time';
import { deadlineFor } from '../catalog/catalog.presenter';
import type { CategoryRow } from '../catalog/catalog.repository';
import type { Routed } from '../routing/routing.service';
import type { SenderHashes } from '../spam/sender';
import type { NewReportRow } from './reports.repository';

/** What a new report's row is made of, all decided before it is written. */
export interface NewReport {
  trackingCode: string;
  input: CreateReportData;
  category: CategoryRow;
  /** The category's answers, checked. */
  attributes: Record<string, unknown>;
  routed: Routed;
  channel: Channel;
  apiClient: string | null;
  sender: SenderHashes;
  now: number;
  calendar: WorkingCalendar;
}

/**
 * The row of a report just filed: status `received`, routed to its unit, the category's default
 * priority, and the deadline that priority gives from now on the working calendar.
 */
export function newReportRow(r: NewReport): NewReportRow {
  const { input, category, routed, now } = r;
  return {
    trackingCode: r.trackingCode,
    categoryCode: category.code,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    address: input.address ?? null,
    description: input.description,
    channel: r.channel,
    areaCode: routed.area?.code ?? null,
    areaName: routed.area?.nameVi ?? null,
    unitId: routed.unit.id,
    priority: category.defaultPriority,
    status: 'received',
    reporterName: input.contact?.name ?? null,
    reporterPhone: input.contact?.phone ?? null,
    reporterEmail: input.contact?.email ?? null,
    attributes: JSON.stringify(r.attributes),
    apiClient: r.apiClient,
    senderDevice: r.sender.device,
    senderAddress: r.sender.address,
    createdAt: now,
    updatedAt: now,
    dueAt: computeDueAt(now, deadlineFor(category, category.defaultPriority), r.calendar),
  };
}

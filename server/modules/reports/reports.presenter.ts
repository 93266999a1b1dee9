import { REPORT_ACTIONS } from '../../../shared/domain/lifecycle';
import { PUBLIC_COORD_DECIMALS } from '../../../shared/domain/limits';
import type { Channel, Priority } from '../../../shared/domain/channels';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type { UnitRef } from '../../../shared/schemas/common';
import type {
  CreateReportResult,
  PhotoRef,
  PublicReportView,
  StaffReportDetail,
  StaffReportView,
  TimelineEntry,
} from '../../../shared/schemas/reports';
import type { CatalogSnapshot } from '../catalog/catalog.service';
import type { AuthUser } from '../auth/auth.service';
import type { EventRow, PhotoRow, ReportRow } from './reports.repository';
import { allowedActions, canSeeContact } from './reports.policy';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const round = (x: number) => Number(x.toFixed(PUBLIC_COORD_DECIMALS));

function unitRef(catalog: CatalogSnapshot, unitId: number | null): UnitRef | null {
  if (unitId === null) return null;
  const u = catalog.unitById.get(unitId);
  return u ? { id: u.id, name: u.nameVi } : null;
}

function categoryRef(catalog: CatalogSnapshot, code: string) {
  const c = catalog.categoryByCode.get(code);
  return { code, name: c ? { vi: c.nameVi, en: c.nameEn } : { vi: code, en: code } };
}

const areaRef = (r: ReportRow) => (r.areaCode ? { code: r.areaCode, name: r.areaName ?? r.areaCode } : null);

/** A stored photo as the API links it. */
export function presentPhoto(p: Pick<PhotoRow, 'id' | 'width' | 'height'>): PhotoRef {
  return {
    id: p.id,
    url: `/api/photos/${p.id}`,
    thumbUrl: `/api/photos/${p.id}/thumb`,
    width: p.width,
    height: p.height,
  };
}

const photosOfEvent = (photos: readonly PhotoRow[], eventId: number) =>
  photos.filter((p) => p.eventId === eventId).map(presentPhoto);

const ratingOf = (r: ReportRow) =>
  r.rating !== null ? { score: r.rating, comment: r.ratingComment, at: iso(r.ratedAt ?? r.updatedAt) } : null;

/** The 201 body of a new report, with the filing device's token. */
export function presentCreated(
  r: ReportRow,
  catalog: CatalogSnapshot,
  residentToken: string,
  photos: readonly PhotoRow[],
): CreateReportResult {
  return {
    residentToken,
    photos: photos.map(presentPhoto),
    id: r.id,
    trackingCode: r.trackingCode,
    status: r.status as ReportStatus,
    area: areaRef(r),
    unit: unitRef(catalog, r.unitId),
    dueAt: iso(r.dueAt),
  };
}

function publicEntry(e: EventRow, catalog: CatalogSnapshot, photos: readonly PhotoRow[]): TimelineEntry {
  return {
    eventId: e.id,
    at: iso(e.createdAt),
    type: e.type,
    fromStatus: e.fromStatus as ReportStatus | null,
    toStatus: e.toStatus as ReportStatus | null,
    unit: unitRef(catalog, e.unitId),
    note: e.publicNote,
    photos: photosOfEvent(photos, e.id),
  };
}

/** What a resident or the public may see: no reporter identity, no internal notes, coordinates rounded. */
export function presentPublic(
  r: ReportRow,
  events: EventRow[],
  photos: readonly PhotoRow[],
  catalog: CatalogSnapshot,
): PublicReportView {
  const category = catalog.categoryByCode.get(r.categoryCode);
  const windowDays = category?.reopenWindowDays ?? 7;
  const created = events.find((e) => e.type === 'created');
  // A sensitive category (public location `hidden`) shows its ward, never its point.
  const hidden = category?.publicLocation === 'hidden';
  return {
    trackingCode: r.trackingCode,
    category: categoryRef(catalog, r.categoryCode),
    status: r.status as ReportStatus,
    area: areaRef(r),
    lat: r.lat === null || hidden ? null : round(r.lat),
    lng: r.lng === null || hidden ? null : round(r.lng),
    description: r.description,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    dueAt: iso(r.dueAt),
    resolvedAt: isoOrNull(r.resolvedAt),
    unit: unitRef(catalog, r.unitId),
    reporterCount: r.reporterCount,
    photos: created ? photosOfEvent(photos, created.id) : [],
    rating: ratingOf(r),
    reopenUntil: r.status === 'resolved' && r.resolvedAt !== null ? iso(r.resolvedAt + windowDays * 86_400_000) : null,
    timeline: events.map((e) => publicEntry(e, catalog, photos)),
  };
}

/** The staff projection, with the actions this user may take. Never the reporter's contact. */
export function presentStaff(r: ReportRow, catalog: CatalogSnapshot, user: AuthUser | null): StaffReportView {
  return {
    id: r.id,
    trackingCode: r.trackingCode,
    category: categoryRef(catalog, r.categoryCode),
    status: r.status as ReportStatus,
    priority: r.priority as Priority,
    channel: r.channel as Channel,
    apiClient: r.apiClient,
    area: areaRef(r),
    unit: unitRef(catalog, r.unitId),
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    description: r.description,
    reporterCount: r.reporterCount,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    dueAt: iso(r.dueAt),
    resolvedAt: isoOrNull(r.resolvedAt),
    acknowledgedAt: isoOrNull(r.acknowledgedAt),
    version: r.version,
    actions: user ? allowedActions(user, r, REPORT_ACTIONS) : [],
  };
}

/** Staff detail: timeline with internal notes; the reporter's contact for IOC operators and admins only. */
export function presentDetail(
  r: ReportRow,
  events: EventRow[],
  photos: readonly PhotoRow[],
  catalog: CatalogSnapshot,
  user: AuthUser,
  actorNames: Map<number, string>,
): StaffReportDetail {
  const hasContact = r.reporterName !== null || r.reporterPhone !== null || r.reporterEmail !== null;
  return {
    ...presentStaff(r, catalog, user),
    timeline: events.map((e) => ({
      ...publicEntry(e, catalog, photos),
      actor: e.actorUserId !== null ? (actorNames.get(e.actorUserId) ?? null) : e.actorRole,
      internalNote: e.internalNote,
    })),
    contact:
      canSeeContact(user) && hasContact
        ? { name: r.reporterName, phone: r.reporterPhone, email: r.reporterEmail }
        : null,
    photos: photos.map(presentPhoto),
    attributes: JSON.parse(r.attributes) as Record<string, string | string[]>,
    rating: ratingOf(r),
  };
}

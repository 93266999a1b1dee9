import { PUBLIC_COORD_DECIMALS } from '../../shared/domain/limits';
import { open311Status, type ReportStatus } from '../../shared/domain/statuses';

/**
 * The fields of an Open311 GeoReport v2 service request, in the specification's order (the CSV export
 * writes them as its columns; the Open311 API serialises the same objects).
 */
export const GEOREPORT_COLUMNS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const;
/** One GeoReport field name. */
export type GeoReportColumn = (typeof GEOREPORT_COLUMNS)[number];

/** A service request as GeoReport v2 publishes it; null where there is nothing to say. */
export type GeoReportRequest = { [K in GeoReportColumn]: K extends 'lat' | 'long' ? number | null : string | null };

/** What the mapping reads of a report (plain data; never the reporter's name, phone or email). */
export interface GeoReportSource {
  trackingCode: string;
  status: ReportStatus;
  /** The latest public note on the report's timeline (a reply, a rejection reason), if any. */
  statusNote: string | null;
  categoryCode: string;
  /** The category's Vietnamese name, or null when the category is unknown. */
  categoryName: string | null;
  /** The category's public location rule: `approximate` or `hidden` (sensitive categories). */
  publicLocation: string | null;
  description: string;
  unitName: string | null;
  createdAt: number;
  updatedAt: number;
  dueAt: number;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** The report's first photo, or null (a rejected report's photos are not public: pass null). */
  photoId: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const round = (x: number) => Number(x.toFixed(PUBLIC_COORD_DECIMALS));

/**
 * A report as a GeoReport v2 service request, under the public view's rules: the tracking code is the
 * id, statuses fold to open/closed, times are ISO 8601 UTC, coordinates are rounded as on the public
 * tracking page (about 100 m), and a sensitive category (`hidden`) gives neither point nor address.
 * `expected_datetime` is the deadline; `service_notice`, `address_id` and `zipcode` are not kept.
 * `baseUrl` (e.g. `https://iocity.vn`) makes `media_url` absolute, as an Open311 client needs.
 */
export function toGeoReport(r: GeoReportSource, opts: { baseUrl?: string } = {}): GeoReportRequest {
  const hidden = r.publicLocation === 'hidden';
  const located = !hidden && r.lat !== null && r.lng !== null;
  return {
    service_request_id: r.trackingCode,
    status: open311Status(r.status),
    status_notes: r.statusNote,
    service_name: r.categoryName ?? r.categoryCode,
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: r.unitName,
    service_notice: null,
    requested_datetime: iso(r.createdAt),
    updated_datetime: iso(r.updatedAt),
    expected_datetime: iso(r.dueAt),
    address: hidden ? null : r.address,
    address_id: null,
    zipcode: null,
    lat: located ? round(r.lat!) : null,
    long: located ? round(r.lng!) : null,
    media_url: r.photoId === null ? null : `${opts.baseUrl ?? ''}/api/photos/${r.photoId}`,
  };
}

/** A request's values in column order (for the CSV). */
export function geoReportValues(r: GeoReportRequest): (string | number | null)[] {
  return GEOREPORT_COLUMNS.map((c) => r[c]);
}

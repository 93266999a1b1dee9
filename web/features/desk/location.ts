import type { StaffReportView } from '../../../shared/schemas/reports';

/** A report with a point on the map. */
export type LocatedReport<T extends Pick<StaffReportView, 'lat' | 'lng'>> = T & { lat: number; lng: number };

/** False for a report filed by typed address and ward that the IOC has not placed on the map yet. */
export function hasLocation<T extends Pick<StaffReportView, 'lat' | 'lng'>>(r: T): r is LocatedReport<T> {
  return typeof r.lat === 'number' && typeof r.lng === 'number' && Number.isFinite(r.lat) && Number.isFinite(r.lng);
}

/** The reports a map can draw (the others wait in the queue with a "no location" badge). */
export function mappable<T extends Pick<StaffReportView, 'lat' | 'lng'>>(reports: readonly T[]): LocatedReport<T>[] {
  return reports.filter(hasLocation);
}

import type { AdminArea } from '../../../shared/schemas/admin';
import type { AreaListRow } from './areas.repository';

/** Where a boundary stands at `now`: in force, waiting for its date, or past (ended, or replaced before it began). */
export function areaStatus(row: { validFrom: number; validTo: number | null }, now: number): AdminArea['status'] {
  if (row.validTo !== null && (row.validTo <= now || row.validTo <= row.validFrom)) return 'past';
  return row.validFrom > now ? 'scheduled' : 'current';
}

/** Area row -> the admin list entry (no geometry: its vertex count and bounding box). */
export function presentAdminArea(row: AreaListRow, vertices: number, now: number): AdminArea {
  return {
    id: row.id,
    code: row.code,
    name: { vi: row.nameVi, en: row.nameEn },
    note: row.note,
    validFrom: new Date(row.validFrom).toISOString(),
    validTo: row.validTo === null ? null : new Date(row.validTo).toISOString(),
    status: areaStatus(row, now),
    vertices,
    bbox: [row.minLng, row.minLat, row.maxLng, row.maxLat],
  };
}

/** Vertices of a GeoJSON geometry text (positions, less the closing one of each ring), counted without parsing it. */
export function countVertices(geometry: string): number {
  let positions = 0,
    rings = 0;
  for (let i = geometry.indexOf('['); i >= 0; i = geometry.indexOf('[', i + 1)) {
    const c = geometry.charCodeAt(i + 1);
    if ((c >= 48 && c <= 57) || c === 45) {
      positions++;
      // "[[" then a number opens a ring.
      if (geometry.charCodeAt(i - 1) === 91) rings++;
    }
  }
  return positions - rings;
}

import { sqliteTable, integer, text, real, index } from 'drizzle-orm/sqlite-core';

/** Wards and communes. A boundary is valid from `validFrom` until `validTo` (exclusive, null = open). */
export const areas = sqliteTable(
  'areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** GeoJSON Polygon or MultiPolygon geometry, as text. */
    geometry: text('geometry').notNull(),
    minLng: real('min_lng').notNull(),
    minLat: real('min_lat').notNull(),
    maxLng: real('max_lng').notNull(),
    maxLat: real('max_lat').notNull(),
    /** Free text shown with the boundary, e.g. "approximate demo boundaries". */
    note: text('note'),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to'),
  },
  (t) => [index('areas_code_idx').on(t.code)],
);

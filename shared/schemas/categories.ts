import { z } from 'zod';
import { PRIORITIES } from '../domain/channels';
import { LocalizedName } from './common';

/** How long a category's reports may take: hours run around the clock, working days follow the calendar. */
export const Deadline = z.object({
  value: z.number().positive(),
  unit: z.enum(['hours', 'working_days']),
});
/** How long a category's reports may take. */
export type Deadline = z.infer<typeof Deadline>;

/** A category as the public API lists it (an Open311 service). */
export const CategoryDto = z.object({
  code: z.string(),
  name: LocalizedName,
  group: z.string(),
  groupName: LocalizedName,
  icon: z.string(),
  defaultPriority: z.enum(PRIORITIES),
  deadline: Deadline,
});
/** A category as the public API lists it. */
export type CategoryDto = z.infer<typeof CategoryDto>;

/** A ward or commune with its boundary, for maps. */
export interface AreaDto {
  code: string;
  name: string;
  /** GeoJSON Polygon or MultiPolygon geometry. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  note: string | null;
}

/** A responsible unit. */
export interface UnitDto {
  id: number;
  code: string;
  name: LocalizedName;
  kind: string;
}

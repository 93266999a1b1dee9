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

/** Datatypes of a category's extra question (the Open311 attribute datatypes). */
export const QUESTION_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;

/** An extra question a category asks (an Open311 attribute), e.g. the number on a street-light pole. */
export const CategoryQuestion = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: LocalizedName,
  hint: LocalizedName.optional(),
  datatype: z.enum(QUESTION_DATATYPES),
  required: z.boolean(),
  order: z.number().int(),
  /** For list datatypes: the allowed values. */
  values: z.array(z.object({ key: z.string(), name: LocalizedName })).optional(),
});
/** An extra question a category asks. */
export type CategoryQuestion = z.infer<typeof CategoryQuestion>;

/** A category as the public API lists it (an Open311 service). */
export const CategoryDto = z.object({
  code: z.string(),
  name: LocalizedName,
  group: z.string(),
  groupName: LocalizedName,
  icon: z.string(),
  defaultPriority: z.enum(PRIORITIES),
  deadline: Deadline,
  questions: z.array(CategoryQuestion),
  /** Open reports of this category within this distance and age are offered as possible duplicates. */
  duplicateRadiusM: z.number(),
  duplicateDays: z.number(),
  /** How long after resolution the resident may reopen. */
  reopenWindowDays: z.number(),
  /** What a unit must give to resolve: a public reply, a photo of the result. */
  resolution: z.object({ reply: z.boolean(), photo: z.boolean() }),
});
/** A category as the public API lists it. */
export type CategoryDto = z.infer<typeof CategoryDto>;

/** A ward or commune with its boundary, for maps and the "pick your ward" list. */
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

import { z } from 'zod';
import { REPORT_STATUSES } from '../../domain/statuses';

/** The building blocks every response schema uses. */
export const iso = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'ISO 8601 in UTC');
export const nullableIso = iso.nullable();
export const int = z.number().int();
export const count = z.number().int().nonnegative();
export const status = z.enum(REPORT_STATUSES);
export const localized = z.strictObject({ vi: z.string(), en: z.string() });
export const areaRef = z.strictObject({ code: z.string(), name: z.string() });
export const unitRef = z.strictObject({ id: int, name: z.string() });
export const items = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

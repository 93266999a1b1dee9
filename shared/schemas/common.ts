import { z } from 'zod';

/** A name in both interface languages. */
export const LocalizedName = z.object({ vi: z.string(), en: z.string() });
/** A name in both interface languages. */
export type LocalizedName = z.infer<typeof LocalizedName>;

/** ISO 8601 timestamp in UTC with `Z`, as the API speaks it. */
export const IsoDate = z.string();

/** A reference to an area (ward or commune). */
export const AreaRef = z.object({ code: z.string(), name: z.string() });
/** A reference to an area (ward or commune). */
export type AreaRef = z.infer<typeof AreaRef>;

/** A reference to a responsible unit. */
export const UnitRef = z.object({ id: z.number().int(), name: z.string() });
/** A reference to a responsible unit. */
export type UnitRef = z.infer<typeof UnitRef>;

/** The `{ ok, data } | { ok: false, error }` shape of every socket acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

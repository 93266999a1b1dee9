import type { CategoryDto } from '../../../shared/schemas/categories';

/** What a unit must give to resolve a report of a category. */
export type ResolutionRules = CategoryDto['resolution'];

/** The server's default when a category says nothing: a public reply and an after-photo. */
export const DEFAULT_RESOLUTION: ResolutionRules = { reply: true, photo: true };

/** A category's resolution rules, from the catalogue (the default while it loads or when the code is unknown). */
export function resolutionFor(categories: readonly CategoryDto[] | undefined, code: string): ResolutionRules {
  return categories?.find((c) => c.code === code)?.resolution ?? DEFAULT_RESOLUTION;
}

/** The fields missing for a resolution, as the server would name them (`note`, `photos`). */
export function missingForResolve(rules: ResolutionRules, reply: string, photoCount: number): ('note' | 'photos')[] {
  const missing: ('note' | 'photos')[] = [];
  if (rules.reply && !reply.trim()) missing.push('note');
  if (rules.photo && photoCount === 0) missing.push('photos');
  return missing;
}

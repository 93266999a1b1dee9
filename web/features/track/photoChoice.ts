import { LIMITS } from '../../../shared/domain/limits';

/** Why a chosen file was not kept. */
export type PhotoProblem =
  { kind: 'tooMany'; max: number } | { kind: 'tooBig'; name: string; mb: number } | { kind: 'notImage'; name: string };

/**
 * Adds newly picked files to the chosen ones: images only, each under the size limit, at most
 * `LIMITS.photosMax` in all. Returns what was kept and what was refused (to say why).
 */
export function addPhotos(
  chosen: readonly File[],
  picked: readonly File[],
  maxBytes: number = LIMITS.photoMaxBytes,
): { photos: File[]; problems: PhotoProblem[] } {
  const photos = [...chosen];
  const problems: PhotoProblem[] = [];
  for (const file of picked) {
    // Some phones give HEIC photos an empty type: let the server decide on those.
    if (file.type && !file.type.startsWith('image/')) problems.push({ kind: 'notImage', name: file.name });
    else if (file.size > maxBytes)
      problems.push({ kind: 'tooBig', name: file.name, mb: Math.round(maxBytes / 1048576) });
    else if (photos.length >= LIMITS.photosMax) {
      if (!problems.some((p) => p.kind === 'tooMany')) problems.push({ kind: 'tooMany', max: LIMITS.photosMax });
    } else photos.push(file);
  }
  return { photos, problems };
}

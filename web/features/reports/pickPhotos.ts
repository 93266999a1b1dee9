import { LIMITS } from '../../../shared/domain/limits';
import type { I18n } from '../../i18n';
import { preparePhoto } from './photoPrep';

/**
 * Takes picked files into a photo list that already holds `count`: at most `LIMITS.photosMax` in all,
 * images only, each downscaled (`preparePhoto`) and within the upload size. Each usable photo goes to
 * `onPhoto` in order; each problem to `onProblem` as a sentence (the last one is what the form shows).
 * `inspect` sees an image's original file before it is downscaled (e.g. to read its GPS position).
 */
export async function pickPhotos(
  files: readonly File[],
  count: number,
  t: I18n['t'],
  {
    onPhoto,
    onProblem,
    inspect,
  }: {
    onPhoto: (blob: Blob) => void | Promise<void>;
    onProblem: (message: string) => void;
    inspect?: (file: File) => Promise<void>;
  },
): Promise<void> {
  const room = LIMITS.photosMax - count;
  if (files.length > room) onProblem(t('report.photos.max', { max: LIMITS.photosMax }));
  for (const file of files.slice(0, Math.max(0, room))) {
    if (file.type && !file.type.startsWith('image/')) {
      onProblem(t('report.photos.type'));
      continue;
    }
    if (inspect) await inspect(file);
    let blob: Blob;
    try {
      blob = await preparePhoto(file);
    } catch {
      onProblem(t('report.photos.unreadable'));
      continue;
    }
    if (blob.size > LIMITS.photoMaxBytes) {
      onProblem(t('report.photos.tooLarge', { mb: Math.round(LIMITS.photoMaxBytes / 1048576) }));
      continue;
    }
    await onPhoto(blob);
  }
}

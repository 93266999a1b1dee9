import type { StoredPhoto } from './report-writer';

/** Turns uploaded photo bytes into stored, metadata-free photos (the photos module), or removes them. */
export interface PhotoIngest {
  ingest(files: { bytes: Buffer }[]): Promise<StoredPhoto[]>;
  discard(ids: string[]): Promise<void>;
}

/** Runs `write` with freshly stored photos; if it throws, the photo files are removed again. */
export async function withPhotos<T>(
  photos: PhotoIngest,
  files: { bytes: Buffer }[] | undefined,
  write: (stored: StoredPhoto[]) => T | Promise<T>,
): Promise<T> {
  const stored = files?.length ? await photos.ingest(files) : [];
  try {
    return await write(stored);
  } catch (e) {
    if (stored.length) await photos.discard(stored.map((p) => p.id));
    throw e;
  }
}

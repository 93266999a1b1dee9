import { LIMITS } from '../../../shared/domain/limits';
import { AppError } from '../../domain/app-error';
import { Gate } from '../../domain/gate';
import { assertImageType, processPhoto, type ProcessedPhoto } from './photo-processing';
import type { PhotoStore, PhotoVariant } from './photo-store';

/** A photo saved to disk, as the report tables record it. */
export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
  /** Size of the display copy. */
  bytes: number;
}

/** Residents' photos: checked, re-encoded without metadata, stored, served and removed. */
export class PhotosService {
  private readonly gate: Gate;

  /**
   * `maxInProgress` bounds the requests whose photos are being re-encoded or waiting for it: sharp
   * works in a small thread pool, two requests keep it busy, and past the bound a new upload gets 503
   * (with Retry-After) at once rather than minutes in a queue.
   */
  constructor(
    private readonly store: PhotoStore,
    private readonly maxBytes: number = LIMITS.photoMaxBytes,
    maxInProgress = 16,
  ) {
    const concurrency = Math.min(2, maxInProgress);
    this.gate = new Gate(
      concurrency,
      Math.max(0, maxInProgress - concurrency),
      'Too many photos are being processed right now. Try again shortly.',
    );
  }

  /** Checks and re-encodes every upload before storing any, so one bad photo stores nothing. */
  async ingest(files: { bytes: Buffer }[]): Promise<StoredPhoto[]> {
    if (files.length > LIMITS.photosMax) {
      const message = `at most ${LIMITS.photosMax} photos`;
      throw new AppError('validation_failed', `Attach ${message}.`, [{ path: 'photos', message }]);
    }
    files.forEach(({ bytes }, i) => {
      if (bytes.length > this.maxBytes) {
        const message = `is larger than ${Math.floor(this.maxBytes / 1024 / 1024)} MB`;
        throw new AppError('payload_too_large', `photos.${i} ${message}.`, [{ path: `photos.${i}`, message }]);
      }
      assertImageType(bytes, i); // a wrong type is refused before any decoding work
    });
    // One at a time: sharp already uses every core, and this bounds the memory a request can hold.
    const processed = await this.gate.run(async () => {
      const done: ProcessedPhoto[] = [];
      for (const [i, { bytes }] of files.entries()) done.push(await processPhoto(bytes, i));
      return done;
    });

    const stored: StoredPhoto[] = [];
    try {
      for (const p of processed) {
        const { id } = await this.store.save(p);
        stored.push({ id, width: p.width, height: p.height, bytes: p.displayBytes });
      }
    } catch (e) {
      await this.discard(stored.map((p) => p.id));
      throw e;
    }
    return stored;
  }

  /** Removes stored photos (best effort, never throws) after the write that would reference them failed. */
  async discard(ids: string[]): Promise<void> {
    await Promise.allSettled(ids.map((id) => this.store.remove(id)));
  }

  /** The bytes of one copy of a photo, or null when there is no such photo. */
  read(id: string, variant: PhotoVariant): Promise<Buffer | null> {
    return this.store.open(id, variant);
  }
}

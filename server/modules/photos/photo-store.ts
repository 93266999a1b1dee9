import { randomBytes } from 'node:crypto';
import { mkdir, open as openFile, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProcessedPhoto } from './photo-processing';

/** Which stored copy of a photo: the display JPEG or its thumbnail. */
export type PhotoVariant = 'display' | 'thumb';

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** True for a well-formed photo id (22 base64url characters), the only shape ever joined into a path. */
export function isPhotoId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Writes a file so that its final name only ever holds complete, fsynced content. */
async function writeDurably(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await openFile(temp, 'wx', 0o640);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Makes renames in a directory survive a power cut (a no-op where directories cannot be fsynced). */
async function syncDir(dir: string): Promise<void> {
  const handle = await openFile(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

/** Photo files on disk: `<dir>/<first two id chars>/<id>.jpg` and `<id>.thumb.jpg`. */
export class PhotoStore {
  constructor(private readonly dir: string) {}

  private pathOf(id: string, variant: PhotoVariant): string {
    return join(this.dir, id.slice(0, 2), variant === 'thumb' ? `${id}.thumb.jpg` : `${id}.jpg`);
  }

  /** Stores both copies under a new random id; on failure nothing stays under the final names. */
  async save(photo: ProcessedPhoto): Promise<{ id: string }> {
    const id = randomBytes(16).toString('base64url');
    const folder = join(this.dir, id.slice(0, 2));
    await mkdir(folder, { recursive: true });
    try {
      await writeDurably(this.pathOf(id, 'display'), photo.display);
      await writeDurably(this.pathOf(id, 'thumb'), photo.thumb);
      await syncDir(folder);
    } catch (e) {
      await this.remove(id);
      throw e;
    }
    return { id };
  }

  /** The bytes of one copy, or null when the id is malformed or no such photo exists. */
  async open(id: string, variant: PhotoVariant): Promise<Buffer | null> {
    if (!isPhotoId(id)) return null;
    try {
      return await readFile(this.pathOf(id, variant));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  /** Deletes both copies of a photo; a missing file or a malformed id is not an error. */
  async remove(id: string): Promise<void> {
    if (!isPhotoId(id)) return;
    await rm(this.pathOf(id, 'display'), { force: true });
    await rm(this.pathOf(id, 'thumb'), { force: true });
  }
}

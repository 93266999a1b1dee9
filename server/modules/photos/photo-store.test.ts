import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoStore } from './photo-store';
import type { ProcessedPhoto } from './photo-processing';

let root: string;
let dir: string;
let store: PhotoStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'beacon-photos-'));
  dir = join(root, 'data', 'photos');
  store = new PhotoStore(dir);
});
afterEach(() => rm(root, { recursive: true, force: true }));

const photo = (label: string): ProcessedPhoto => {
  const display = Buffer.from(`display bytes of ${label}`);
  return {
    display,
    thumb: Buffer.from(`thumb bytes of ${label}`),
    width: 1600,
    height: 1200,
    displayBytes: display.length,
  };
};

/** Every file under the store, relative to it. */
const filesIn = async (folder: string) =>
  (await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1));

describe('PhotoStore', () => {
  it('writes both copies under a random 22-character id and reads them back', async () => {
    const { id } = await store.save(photo('A'));
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await store.open(id, 'display')).toEqual(Buffer.from('display bytes of A'));
    expect(await store.open(id, 'thumb')).toEqual(Buffer.from('thumb bytes of A'));
    expect((await filesIn(dir)).sort()).toEqual([`${id.slice(0, 2)}/${id}.jpg`, `${id.slice(0, 2)}/${id}.thumb.jpg`]);
  });

  it('gives every photo its own id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await store.save(photo(String(i)))).id);
    expect(ids.size).toBe(20);
  });

  it('leaves no temporary files behind', async () => {
    for (let i = 0; i < 5; i++) await store.save(photo(String(i)));
    const files = await filesIn(dir);
    expect(files).toHaveLength(10);
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9_-]{2}\/[A-Za-z0-9_-]{22}(\.thumb)?\.jpg$/);
  });

  it('leaves nothing at all when a save fails half-way', async () => {
    const broken = { ...photo('B'), thumb: undefined as unknown as Buffer };
    await expect(store.save(broken)).rejects.toThrow();
    expect(await filesIn(dir)).toEqual([]);
  });

  it('answers null for a photo that does not exist', async () => {
    expect(await store.open('AAAAAAAAAAAAAAAAAAAAAA', 'display')).toBeNull();
  });

  it('refuses ids that try to leave the photo folder', async () => {
    // Without the id check, '../secret' would resolve to <root>/secret.jpg.
    await writeFile(join(root, 'secret.jpg'), 'not a photo');
    await store.save(photo('C'));
    for (const id of ['../secret', '../../secret', '..%2Fsecret', '/etc/passwd', '../AAAAAAAAAAAAAAAAAAA', '']) {
      expect(await store.open(id, 'display')).toBeNull();
      await store.remove(id);
    }
    expect(await readFile(join(root, 'secret.jpg'), 'utf8')).toBe('not a photo');
  });

  it('removes both copies, and removing twice is harmless', async () => {
    const { id } = await store.save(photo('D'));
    const other = await store.save(photo('E'));
    await store.remove(id);
    await store.remove(id);
    expect(await store.open(id, 'display')).toBeNull();
    expect(await store.open(id, 'thumb')).toBeNull();
    expect(await store.open(other.id, 'display')).toEqual(Buffer.from('display bytes of E'));
  });
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoStore } from './photo-store';
import { PhotosService } from './photos.service';

let dir: string;
let service: PhotosService;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'beacon-photos-svc-'));
  service = new PhotosService(new PhotoStore(dir), 200_000);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const jpeg = async (width: number, height: number) => ({
  bytes: await sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer(),
});
const storedFiles = async () =>
  (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

describe('PhotosService', () => {
  it('stores up to three photos and reports their size', async () => {
    const stored = await service.ingest([await jpeg(2400, 1800), await jpeg(300, 200), await jpeg(640, 480)]);
    expect(stored.map((p) => [p.width, p.height])).toEqual([
      [1600, 1200],
      [300, 200],
      [640, 480],
    ]);
    for (const p of stored) {
      const display = await service.read(p.id, 'display');
      expect(display?.length).toBe(p.bytes);
      expect((await sharp((await service.read(p.id, 'thumb'))!).metadata()).width).toBeLessThanOrEqual(320);
    }
  });

  it('refuses a fourth photo before storing any', async () => {
    const four = await Promise.all([1, 2, 3, 4].map(() => jpeg(100, 100)));
    await expect(service.ingest(four)).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ path: 'photos', message: 'at most 3 photos' }],
    });
    expect(await storedFiles()).toEqual([]);
  });

  it('stores nothing when one of the photos is not an image', async () => {
    const files = [await jpeg(300, 200), { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }];
    await expect(service.ingest(files)).rejects.toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(await storedFiles()).toEqual([]);
  });

  it('stores nothing when one of the photos is damaged', async () => {
    const good = await jpeg(300, 200);
    const cut = { bytes: good.bytes.subarray(0, Math.floor(good.bytes.length * 0.6)) };
    await expect(service.ingest([good, cut])).rejects.toMatchObject({
      code: 'invalid_image',
      fieldErrors: [expect.objectContaining({ path: 'photos.1' })],
    });
    expect(await storedFiles()).toEqual([]);
  });

  it('refuses a photo over the size limit with 413', async () => {
    const big = { bytes: Buffer.concat([(await jpeg(10, 10)).bytes, Buffer.alloc(200_001)]) };
    await expect(service.ingest([big])).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('discards stored photos, ignoring ids that are already gone or malformed', async () => {
    const [a] = await service.ingest([await jpeg(300, 200)]);
    await service.discard([a!.id, 'AAAAAAAAAAAAAAAAAAAAAA', '../x']);
    expect(await service.read(a!.id, 'display')).toBeNull();
    expect(await storedFiles()).toEqual([]);
  });
});

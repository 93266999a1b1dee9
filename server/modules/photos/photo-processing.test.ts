import { cameraExif } from '../../test/images';
import { describe, expect, it } from 'vitest';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { LIMITS } from '../../../shared/domain/limits';
import { detectImageType, processPhoto } from './photo-processing';

const SERIAL = 'SN-98765-XYZ';
// 13.0955 N, 109.3012 E as EXIF degrees/minutes/seconds rationals.
const GPS = { lat: [13, 1, 5, 1, 4380, 100], long: [109, 1, 18, 1, 432, 100] };

const image = (width: number, height: number, noise = false) =>
  sharp({
    create: {
      ...{ width, height, channels: 3, background: { r: 40, g: 120, b: 200 } },
      ...(noise ? { noise: { type: 'gaussian', mean: 128, sigma: 40 } } : {}),
    },
  });
const jpeg = (width: number, height: number, noise = false) => image(width, height, noise).jpeg().toBuffer();

/** The rationals as EXIF would store them, in both byte orders. */
function rationalBytes(values: number[]): Buffer[] {
  const le = Buffer.alloc(values.length * 4);
  const be = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => (le.writeUInt32LE(v, i * 4), be.writeUInt32BE(v, i * 4)));
  return [le, be];
}

async function expectNoMetadata(output: Buffer) {
  const meta = await sharp(output).metadata();
  expect(meta.format).toBe('jpeg');
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
}

/** A HEIF container whose one image is HEVC-coded, the way an iPhone's "High efficiency" HEIC is. */
function hevcHeic(): Buffer {
  const n = (size: number, v: number) => Buffer.from(v.toString(16).padStart(size * 2, '0'), 'hex');
  const box = (type: string, ...parts: Buffer[]) =>
    Buffer.concat([n(4, Buffer.concat(parts).length + 8), Buffer.from(type), ...parts]);
  const full = (type: string, version: number, ...parts: Buffer[]) => box(type, n(4, version << 24), ...parts);
  const hvcC = box(
    'hvcC',
    Buffer.from([1, 1, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 90, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0]),
  );
  const meta = (dataAt: number) =>
    full(
      'meta',
      0,
      full('hdlr', 0, n(4, 0), Buffer.from('pict'), Buffer.alloc(13)),
      full('pitm', 0, n(2, 1)),
      full('iinf', 0, n(2, 1), full('infe', 2, n(2, 1), n(2, 0), Buffer.from('hvc1'), Buffer.alloc(1))),
      full('iloc', 0, Buffer.from([0x44, 0]), n(2, 1), n(2, 1), n(2, 0), n(2, 1), n(4, dataAt), n(4, 16)),
      box(
        'iprp',
        box('ipco', hvcC, full('ispe', 0, n(4, 64), n(4, 64))),
        full('ipma', 0, n(4, 1), n(2, 1), Buffer.from([2, 0x81, 0x82])),
      ),
    );
  const ftyp = box('ftyp', Buffer.from('heic'), n(4, 0), Buffer.from('mif1heic'));
  const dataAt = ftyp.length + meta(0).length + 8;
  return Buffer.concat([ftyp, meta(dataAt), box('mdat', n(4, 12), Buffer.alloc(12, 0x26))]);
}

const refused = (code: string, status: number, path = 'photos.0') =>
  expect.objectContaining({ code, status, fieldErrors: [expect.objectContaining({ path })] });

describe('processPhoto removes what a photo gives away', () => {
  it('drops GPS position, camera serial, make, model, XMP and ICC from both copies', async () => {
    const input = await image(1200, 900)
      .withExif(cameraExif(SERIAL))
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><owner>Nguyen Van A</owner></x:xmpmeta>')
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    const meta = await sharp(input).metadata();
    const exif = exifReader(meta.exif!);
    expect(exif.GPSInfo?.GPSLatitude).toEqual([13, 5, 43.8]);
    expect(exif.GPSInfo?.GPSLongitude).toEqual([109, 18, 4.32]);
    expect(exif.Photo?.BodySerialNumber).toBe(SERIAL);
    expect(exif.Image?.Make).toBe('AcmeCam');
    expect(meta.xmp).toBeDefined();
    expect(meta.icc).toBeDefined();

    const out = await processPhoto(input);
    for (const copy of [out.display, out.thumb]) {
      await expectNoMetadata(copy);
      for (const text of [SERIAL, 'AcmeCam', 'Acme X100', 'Nguyen Van A']) expect(copy.includes(text)).toBe(false);
      for (const gps of [...rationalBytes(GPS.lat), ...rationalBytes(GPS.long)]) expect(copy.includes(gps)).toBe(false);
    }
  });

  it('turns a sideways phone photo upright and leaves no orientation tag', async () => {
    // Left half red, right half blue; Orientation 6 means "rotate 90 degrees clockwise to view".
    const input = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#ff0000' } })
      .composite([
        { input: { create: { width: 200, height: 200, channels: 3, background: '#0000ff' } }, left: 200, top: 0 },
      ])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);

    const out = await processPhoto(input);
    expect([out.width, out.height]).toEqual([200, 400]);
    const meta = await sharp(out.display).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([200, 400, undefined]);
    // What was on the left is now on top: red above, blue below.
    const pixels = await sharp(out.display).raw().toBuffer();
    const [top, bottom] = [20, 380].map((y) => pixels.subarray((y * 200 + 100) * 3, (y * 200 + 100) * 3 + 3));
    expect([top![0]! > 200, top![2]! < 60, bottom![0]! < 60, bottom![2]! > 200]).toEqual([true, true, true, true]);
  });

  it('does not carry a script hidden after the end of the JPEG', async () => {
    const input = Buffer.concat([await jpeg(300, 200), Buffer.from('<script>alert(1)</script>')]);
    expect(input.includes('<script>')).toBe(true);
    const out = await processPhoto(input);
    expect(out.display.includes('<script>')).toBe(false);
    expect(out.thumb.includes('<script>')).toBe(false);
  });
});

describe('processPhoto accepts photos by their content, not their name', () => {
  it.each([
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['an HTML page', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')],
    ['a PDF', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')],
  ])('refuses %s sent as photo.jpg with 415', async (_name, bytes) => {
    expect(detectImageType(bytes)).toBeNull();
    await expect(processPhoto(bytes)).rejects.toEqual(refused('unsupported_media_type', 415));
  });

  it('refuses a GIF with 415 naming the field', async () => {
    const gif = await image(50, 50).gif().toBuffer();
    await expect(processPhoto(gif, 2)).rejects.toEqual(refused('unsupported_media_type', 415, 'photos.2'));
  });

  it.each([
    ['a PNG', () => image(500, 300).png().toBuffer(), 'png'],
    ['a WebP', () => image(500, 300).webp().toBuffer(), 'webp'],
    ['an AVIF', () => image(500, 300).avif().toBuffer(), 'heif'],
  ])('re-encodes %s upload as a JPEG', async (_name, make, type) => {
    const input = await make();
    expect(detectImageType(input)).toBe(type);
    const out = await processPhoto(input);
    expect([out.width, out.height]).toEqual([500, 300]);
    await expectNoMetadata(out.display);
    expect(out.displayBytes).toBe(out.display.length);
  });

  it('refuses an iPhone HEIC (HEVC) with advice, since this sharp build has no HEVC decoder', async () => {
    const rejection = processPhoto(hevcHeic(), 1);
    await expect(rejection).rejects.toEqual(refused('unsupported_media_type', 415, 'photos.1'));
    await expect(rejection).rejects.toMatchObject({ detail: expect.stringContaining('Most compatible') });
  });
});

describe('processPhoto refuses images it cannot safely decode', () => {
  it('refuses a small file that declares a huge number of pixels (a pixel bomb) with 422', async () => {
    const bomb = await sharp({
      create: { width: 12000, height: 12000, channels: 3, background: '#ffffff' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(12000 * 12000).toBeGreaterThan(LIMITS.photoMaxPixels);
    const rejection = processPhoto(bomb);
    await expect(rejection).rejects.toEqual(refused('invalid_image', 422));
    await expect(rejection).rejects.toMatchObject({ detail: expect.stringMatching(/too many pixels/) });
  });

  it.each([
    ['a small', 1200, 900],
    ['a large (decoded at reduced size)', 3600, 2400],
  ])('refuses %s JPEG cut off at 60% with 422, in plain words', async (_name, width, height) => {
    const whole = await jpeg(width, height, true);
    const rejection = processPhoto(whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(rejection).rejects.toEqual(refused('invalid_image', 422));
    await expect(rejection).rejects.toMatchObject({ detail: expect.not.stringMatching(/vips|jpeg:|premature/i) });
  });
});

describe('processPhoto sizes', () => {
  it('shrinks a large photo to fit 1600 px and its thumbnail to fit 320 px', async () => {
    const out = await processPhoto(await jpeg(4000, 3000));
    expect([out.width, out.height]).toEqual([1600, 1200]);
    const thumb = await sharp(out.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
  });

  it('keeps a tall photo inside 1600 px on its long side', async () => {
    const out = await processPhoto(await jpeg(1000, 3000));
    expect(out.height).toBe(LIMITS.photoDisplaySide);
    expect(out.width).toBeLessThanOrEqual(534);
  });

  it('does not enlarge a small photo or its thumbnail', async () => {
    const out = await processPhoto(await jpeg(200, 150));
    expect([out.width, out.height]).toEqual([200, 150]);
    const thumb = await sharp(out.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([200, 150]);
  });
});

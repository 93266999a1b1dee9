import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app';
import { cameraExif } from '../../test/images';
import { multipart } from '../../test/multipart';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await buildTestApp({ photoMaxBytes: 300_000 });
  operator = await t.login('operator');
});
afterAll(() => t.close());

const SERIAL = 'SN-4417-CAMERA';
// 13°05'43.8" N, 109°18'04.32" E: the resident's house.
const GPS_TEXT = ['13.0955', '109.3012', '4380/100', '432/100'];

async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .withExif(cameraExif(SERIAL))
    .jpeg()
    .toBuffer();
}

const fields = (extra: Record<string, string | string[]> = {}) => ({
  categoryCode: 'street_lighting',
  lat: '13.07',
  lng: '109.27',
  description: 'Đèn đường không sáng, có ảnh chụp',
  'contact.name': 'Lê Thị Ảnh',
  ...extra,
});
const postMultipart = (body: ReturnType<typeof multipart>, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/reports',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('filing a report with photos (multipart/form-data)', () => {
  it('stores re-encoded photos without their GPS or camera serial, and keeps no GPS anywhere', async () => {
    const res = await postMultipart(
      multipart(fields(), [{ field: 'photos', name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: await phonePhoto() }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.photos).toHaveLength(1);
    const photo = await t.app.inject({ url: created.photos[0].url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(photo.rawPayload).metadata()).exif).toBeUndefined();

    // The nested field reached the private contact, the file name reached nothing.
    const detail = (await t.app.inject({ url: `/api/reports/${created.id}`, headers: { cookie: operator } })).json();
    expect(detail.contact.name).toBe('Lê Thị Ảnh');
    // Nothing stored, in the database or in the photo folder, carries the photo's GPS or serial.
    const dump = t.db.$client.serialize().toString('latin1');
    const stored = filesUnder(t.photoDir).map((f) => readFileSync(f).toString('latin1'));
    for (const text of [...GPS_TEXT, SERIAL, 'AcmeCam', 'IMG_0001']) {
      expect(dump.includes(text), text).toBe(false);
      for (const file of stored) expect(file.includes(text), text).toBe(false);
    }
    expect(filesUnder(t.photoDir)).toHaveLength(2); // display and thumbnail; never the original
  });

  it('shows the photos on the public tracking page', async () => {
    const res = await postMultipart(
      multipart(fields(), [
        {
          field: 'photos',
          name: 'a.png',
          type: 'image/png',
          bytes: await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
            .png()
            .toBuffer(),
        },
      ]),
    );
    const view = (await t.app.inject({ url: `/api/track/${res.json().trackingCode}` })).json();
    expect(view.photos).toHaveLength(1);
    expect(view.timeline[0].photos).toHaveLength(1);
    expect((await t.app.inject({ url: view.photos[0].thumbUrl })).statusCode).toBe(200);
  });

  it('refuses an HTML file named .jpg with 415 and files nothing', async () => {
    const before = t.db.$client.prepare('select count(*) from reports').pluck().get();
    const res = await postMultipart(
      multipart(fields(), [
        {
          field: 'photos',
          name: 'x.jpg',
          type: 'image/jpeg',
          bytes: Buffer.from('<html><script>alert(1)</script></html>'),
        },
      ]),
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().errors[0].path).toBe('photos.0');
    expect(t.db.$client.prepare('select count(*) from reports').pluck().get()).toBe(before);
  });

  it('refuses an oversized photo with 413 and a clear message', async () => {
    const big = await sharp({
      create: {
        width: 2000,
        height: 2000,
        channels: 3,
        background: '#000',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 100 })
      .toBuffer();
    const res = await postMultipart(
      multipart(fields(), [{ field: 'photos', name: 'big.jpg', type: 'image/jpeg', bytes: big }]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toMatch(/at most 0\.3 MB/);
  });

  it('refuses a fourth photo', async () => {
    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const four = Array.from({ length: 4 }, (_, i) => ({
      field: 'photos',
      name: `${i}.jpg`,
      type: 'image/jpeg',
      bytes: small,
    }));
    const res = await postMultipart(multipart(fields(), four));
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].path).toBe('photos');
  });

  it('hides the photos of a rejected report from the public, not from the IOC', async () => {
    const small = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
      .jpeg()
      .toBuffer();
    const created = (
      await postMultipart(multipart(fields(), [{ field: 'photos', name: 'a.jpg', type: 'image/jpeg', bytes: small }]))
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/reports/${created.id}/transitions`,
      payload: { action: 'reject', version: 0, reason: 'Ảnh không phù hợp' },
      headers: { cookie: operator },
    });
    expect((await t.app.inject({ url: created.photos[0].url })).statusCode).toBe(404);
    expect((await t.app.inject({ url: created.photos[0].url, headers: { cookie: operator } })).statusCode).toBe(200);
  });

  it('answers the same Idempotency-Key with the same report and photo, storing nothing twice', async () => {
    const bytes = await phonePhoto();
    const body = () => multipart(fields(), [{ field: 'photos', name: 'p.jpg', type: 'image/jpeg', bytes }]);
    const filesBefore = filesUnder(t.photoDir).length;
    const first = await postMultipart(body(), { 'idempotency-key': 'photo-retry' });
    const again = await postMultipart(body(), { 'idempotency-key': 'photo-retry' });
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().photos).toEqual(first.json().photos);
    expect(filesUnder(t.photoDir).length).toBe(filesBefore + 2);
  });
});

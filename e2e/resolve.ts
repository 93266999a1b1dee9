import { expect, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

/** A real JPEG "after" photo, as a unit's phone would take it. */
export function afterPhotoJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 70, g: 150, b: 90 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** A unit resolves a report through the API with its public reply and an after-photo (multipart). */
export async function resolveWithPhoto(ctx: APIRequestContext, id: number, note: string): Promise<void> {
  const current = (await (await ctx.get(`/api/reports/${id}`)).json()) as { version: number };
  const res = await ctx.post(`/api/reports/${id}/transitions`, {
    multipart: {
      action: 'resolve',
      version: String(current.version),
      note,
      photos: { name: 'sau-khi-sua.jpg', mimeType: 'image/jpeg', buffer: await afterPhotoJpeg() },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

import { expect, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';

/**
 * A real photo of a lit street lamp at dusk, as a phone camera would produce it (4:3, a few hundred kB),
 * drawn as SVG and encoded to JPEG by sharp.
 */
export async function afterPhotoJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#1b2a4a"/><stop offset="0.7" stop-color="#d9825b"/><stop offset="1" stop-color="#f0b27a"/>
      </linearGradient>
      <radialGradient id="glow" cx="0.5" cy="0.5" r="0.5">
        <stop offset="0" stop-color="#fff6c8" stop-opacity="1"/><stop offset="1" stop-color="#fff6c8" stop-opacity="0"/>
      </radialGradient>
    </defs>
    <rect width="1600" height="1200" fill="url(#sky)"/>
    <rect y="940" width="1600" height="260" fill="#3b3f45"/>
    <rect y="1050" width="1600" height="14" fill="#e8e8e0"/>
    <circle cx="980" cy="330" r="260" fill="url(#glow)"/>
    <rect x="760" y="300" width="34" height="660" fill="#4a5560"/>
    <path d="M777 310 Q 800 250 960 300" stroke="#4a5560" stroke-width="22" fill="none"/>
    <ellipse cx="980" cy="320" rx="70" ry="26" fill="#fffbe0"/>
    <text x="60" y="1150" font-family="sans-serif" font-size="54" fill="#ffffff">TH-0512 · sau khi sửa</text>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 86 }).toBuffer();
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

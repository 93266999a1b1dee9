/** Longest side of a photo as uploaded: plenty for the IOC, a fraction of a camera's 12 MP over 3G. */
export const UPLOAD_MAX_SIDE = 2000;
const JPEG_QUALITY = 0.82;

/** The size to draw an image at so its longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max = UPLOAD_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function encode(bitmap: ImageBitmap, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', JPEG_QUALITY),
  );
}

/**
 * Re-encodes a picked photo as a JPEG of at most 2000 px on its long side, upright (EXIF orientation
 * applied). Re-encoding also drops every EXIF tag, the GPS position included, so nothing the resident
 * did not choose to share leaves the phone. Throws when the browser cannot decode the image.
 */
export async function preparePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height);
    return await encode(bitmap, width, height);
  } finally {
    bitmap.close();
  }
}

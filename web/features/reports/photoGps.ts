/** Where a photo was taken, from its EXIF GPS tags. */
export interface PhotoPosition {
  lat: number;
  lng: number;
}

/**
 * The position in a photo's EXIF, or null. exifr (its small "mini" build) is loaded only here, when a
 * photo is picked, so it never weighs on the first load. The position stays on the phone unless the
 * resident accepts it as the report's point.
 */
export async function readPhotoGps(file: Blob): Promise<PhotoPosition | null> {
  try {
    const exifr = await import('exifr/dist/mini.esm.mjs');
    const gps = await exifr.gps(file);
    const lat = gps?.latitude;
    const lng = gps?.longitude;
    if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng))
      return null;
    // (0, 0) is what some cameras write when they had no fix.
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
    return { lat, lng };
  } catch {
    return null;
  }
}

import sharp, { type OutputInfo } from 'sharp';
import { LIMITS } from '../../../shared/domain/limits';
import { AppError } from '../../domain/app-error';

/** An image format the server accepts, recognised by its first bytes. */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'heif';

/** A re-encoded photo: JPEG copies with no metadata, orientation already applied. */
export interface ProcessedPhoto {
  display: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  displayBytes: number;
}

const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set([...HEVC_BRANDS, 'mif1', 'msf1', 'avif', 'avis']);

const HEIC_ADVICE =
  "HEIC photos are not supported here; choose 'Most compatible' in the camera settings or send a JPEG.";

const startsWith = (bytes: Buffer, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Buffer, from: number, to: number) => bytes.toString('latin1', from, to);

/** The brands of an ISO-BMFF `ftyp` box (major first), or null when the bytes do not start with one. */
function ftypBrands(bytes: Buffer): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  // Real ftyp boxes are a few dozen bytes; a bounded read keeps a hostile size from costing anything.
  const end = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

/** True when the bytes are a HEIF file whose brands say HEVC (an iPhone's HEIC). */
function isHevcHeif(bytes: Buffer): boolean {
  return ftypBrands(bytes)?.some((b) => HEVC_BRANDS.has(b)) ?? false;
}

/** The image type by magic bytes only (never the file name or the client's mimetype). */
export function detectImageType(bytes: Buffer): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(bytes);
  if (brands?.some((b) => HEIF_BRANDS.has(b)) && sharp.format.heif.input.buffer) return 'heif';
  return null;
}

const unsupported = (index: number, message: string) =>
  new AppError('unsupported_media_type', `photos.${index}: ${message}`, [{ path: `photos.${index}`, message }]);

/** Like detectImageType, but throws a 415 that names the field when the type is not accepted. */
export function assertImageType(bytes: Buffer, index = 0): ImageType {
  if (bytes.length === 0) {
    const message = 'is an empty file.';
    throw new AppError('invalid_image', `photos.${index} ${message}`, [{ path: `photos.${index}`, message }]);
  }
  const type = detectImageType(bytes);
  if (type) return type;
  if (isHevcHeif(bytes)) throw unsupported(index, HEIC_ADVICE);
  throw unsupported(index, 'is not a photo this server accepts; send a JPEG, PNG, WebP or AVIF image.');
}

/** Plain words for why sharp could not read a photo; its own message never reaches a client. */
function invalidImage(error: unknown, bytes: Buffer, index: number): AppError {
  const text = error instanceof Error ? error.message : String(error);
  // A HEIF container this build has no decoder for (HEVC, i.e. an iPhone's HEIC) is a type we do not take.
  if (ftypBrands(bytes) && /compression format|decoder plugin|unsupported codec/i.test(text)) {
    return unsupported(index, HEIC_ADVICE);
  }
  let message = 'is damaged and cannot be read as an image.';
  if (/pixel limit/i.test(text)) {
    message = `has too many pixels (the limit is ${LIMITS.photoMaxPixels / 1_000_000} megapixels).`;
  } else if (/premature end|truncated|end of (file|data|stream)|not enough data|unexpected end/i.test(text)) {
    message = 'is incomplete: the upload was cut off before the end of the image.';
  }
  const appError = new AppError('invalid_image', `photos.${index} ${message}`, [{ path: `photos.${index}`, message }]);
  appError.cause = error; // kept for the server log only
  return appError;
}

/** Decodes an upload, applies its orientation and writes metadata-free display and thumbnail JPEGs. */
export async function processPhoto(bytes: Buffer, index = 0): Promise<ProcessedPhoto> {
  assertImageType(bytes, index);
  let display: { data: Buffer; info: OutputInfo };
  try {
    // sharp writes no EXIF/XMP/IPTC/ICC unless asked (no keepMetadata/withMetadata here) and converts to sRGB.
    display = await sharp(bytes, { limitInputPixels: LIMITS.photoMaxPixels, failOn: 'truncated' })
      .rotate()
      .resize(LIMITS.photoDisplaySide, LIMITS.photoDisplaySide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ mozjpeg: true, quality: 80, progressive: true })
      .toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw invalidImage(e, bytes, index);
  }
  // The thumbnail comes from the clean display copy: a second decode of the upload is not needed.
  const thumb = await sharp(display.data)
    .resize(LIMITS.photoThumbSide, LIMITS.photoThumbSide, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ mozjpeg: true, quality: 70, progressive: true })
    .toBuffer();
  return {
    display: display.data,
    thumb,
    width: display.info.width,
    height: display.info.height,
    displayBytes: display.data.length,
  };
}

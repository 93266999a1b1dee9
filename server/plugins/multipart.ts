import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LIMITS } from '../../shared/domain/limits';
import { AppError } from '../domain/app-error';

/** A file part of a multipart body. */
export interface UploadedFile {
  field: string;
  bytes: Buffer;
}

const fileLimits = new WeakMap<FastifyInstance, number>();

/** Accepts multipart/form-data with at most `photosMax` files of at most `maxFileBytes` each. */
export function registerMultipart(app: FastifyInstance, maxFileBytes: number): void {
  fileLimits.set(app, maxFileBytes);
  void app.register(multipart, {
    limits: {
      fileSize: maxFileBytes,
      files: LIMITS.photosMax,
      fields: 60,
      fieldSize: LIMITS.descriptionMax * 4,
      parts: 70,
    },
  });
}

// Fields that hold numbers in the JSON form of the same request.
const NUMERIC = new Set(['lat', 'lng', 'score', 'version', 'unitId']);

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const [head, ...rest] = path.split('.');
  if (!head || head === '__proto__' || head === 'constructor' || head === 'prototype') return;
  if (rest.length === 0) {
    const prev = target[head];
    // A repeated field is a list (answers to a multiple-choice question).
    target[head] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  if (typeof child === 'object' && !Array.isArray(child)) setPath(child, rest.join('.'), value);
}

/**
 * Reads a request body into the same shape as its JSON form: `contact.name` becomes
 * `{ contact: { name } }`, a repeated field a list, `lat`/`lng` numbers, an empty field absent;
 * files come apart, in order. A JSON body passes through with no files.
 */
export async function readBody(
  request: FastifyRequest,
  fileField = 'photos',
): Promise<{ body: unknown; files: UploadedFile[] }> {
  if (!request.isMultipart()) return { body: request.body, files: [] };
  const body: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== fileField)
          throw new AppError('validation_failed', `Unexpected file field "${part.fieldname}".`, [
            { path: part.fieldname, message: `files go under "${fileField}"` },
          ]);
        if (bytes.length > 0) files.push({ field: part.fieldname, bytes });
        continue;
      }
      const raw = typeof part.value === 'string' ? part.value : String(part.value);
      // A part without a name (`Content-Disposition: form-data` alone) names no field.
      if (raw === '' || typeof part.fieldname !== 'string') continue;
      const number = Number(raw);
      setPath(
        body,
        part.fieldname,
        NUMERIC.has(part.fieldname) && raw.trim() !== '' && Number.isFinite(number)
          ? (number as unknown as string)
          : raw,
      );
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const max = fileLimits.get(request.server) ?? LIMITS.photoMaxBytes;
      throw new AppError(
        'payload_too_large',
        `Each photo may be at most ${(max / 1048576).toFixed(1)} MB; this one is larger.`,
        [{ path: `${fileField}.${files.length}`, message: 'is too large' }],
      );
    }
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError('payload_too_large', `At most ${LIMITS.photosMax} photos.`, [
        { path: fileField, message: `at most ${LIMITS.photosMax} photos` },
      ]);
    }
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('payload_too_large', 'Too many form fields.');
    // Anything else the parser throws (no boundary, a truncated body, a broken part header) is the sender's.
    if (!(e instanceof AppError)) throw new AppError('bad_request', 'The multipart/form-data body is malformed.');
    throw e;
  }
  return { body, files };
}

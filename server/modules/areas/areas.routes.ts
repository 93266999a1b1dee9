import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { AreasService, AreaUpload } from './areas.service';

/** The largest upload when the server sets none (`AREA_IMPORT_MAX_MB` defaults to the same 100 MB). */
export const DEFAULT_AREA_IMPORT_MAX_BYTES = 100 * 1024 * 1024;

const sizeText = (bytes: number) =>
  bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    `The file is larger than ${sizeText(maxBytes)} (the server's AREA_IMPORT_MAX_MB). Simplify the boundaries, or import them with the import-areas script.`,
    [{ path: 'file', message: 'is too large' }],
  );

/**
 * Reads the GeoJSON of a request: a multipart `file` (options in the other fields), or the raw body
 * (a GeoJSON file, or JSON `{ geojson, ...options }`; options may also come in the query string).
 */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<AreaUpload> {
  const fields: Record<string, unknown> = { ...(request.query as Record<string, unknown>) };
  if (!request.isMultipart()) {
    if (!Buffer.isBuffer(request.body) || request.body.length === 0)
      throw new AppError(
        'validation_failed',
        'Send a GeoJSON FeatureCollection: as a multipart form with the field "file", or as the body (Content-Type: application/geo+json).',
        [{ path: 'file', message: 'is required' }],
      );
    return { bytes: request.body, fields };
  }
  let bytes: Buffer | null = null;
  try {
    const limits = { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'field') {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        continue;
      }
      const content = await part.toBuffer();
      if (part.fieldname !== 'file')
        throw new AppError(
          'validation_failed',
          `Unexpected file field "${part.fieldname}": send the GeoJSON as "file".`,
          [{ path: part.fieldname, message: 'the file goes under "file"' }],
        );
      bytes = content;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT')
      throw new AppError('validation_failed', 'Send one GeoJSON file at a time.', [
        { path: 'file', message: 'only one file' },
      ]);
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('payload_too_large', 'Too many form fields.');
    // Anything else the parser throws (no boundary, a truncated body, a broken part header) is the sender's.
    if (!(e instanceof AppError)) throw new AppError('bad_request', 'The multipart/form-data body is malformed.');
    throw e;
  }
  if (!bytes)
    throw new AppError('validation_failed', 'The form has no file: send the GeoJSON FeatureCollection as "file".', [
      { path: 'file', message: 'is required' },
    ]);
  return { bytes, fields };
}

/**
 * Administration of ward/commune boundaries: list, preview an import, import. Registered in a scope
 * of its own where every body is read as raw bytes up to `maxBytes` (`AREA_IMPORT_MAX_MB`, far above
 * the 1 MB of JSON elsewhere), so the service judges a file by its content, whatever its declared type.
 */
export function areasRoutes(app: FastifyInstance, areas: AreasService, maxBytes = DEFAULT_AREA_IMPORT_MAX_BYTES): void {
  void app.register(async (scope) => {
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error) => {
      // Rethrown errors reach the app's handler, which answers problem+json.
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw tooLarge(maxBytes);
      throw error;
    });

    scope.get('/api/admin/areas', async () => areas.list());
    scope.post('/api/admin/areas/preview', { bodyLimit: maxBytes }, async (request) =>
      areas.preview(await readUpload(request, maxBytes)),
    );
    scope.post('/api/admin/areas/import', { bodyLimit: maxBytes }, async (request, reply) => {
      const user = requireUser(request);
      const result = await areas.importUpload(await readUpload(request, maxBytes), {
        id: user.id,
        name: user.username,
      });
      return reply.code(201).send(result);
    });
  });
}

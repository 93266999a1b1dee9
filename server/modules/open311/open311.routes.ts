import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/app-error';
import { toXml, type XmlValue } from '../../domain/xml';
import type { RawParams } from './open311.params';
import { xmlItemName } from './open311.presenter';
import type { Open311Service } from './open311.service';

/** Where the API lives. Outside `/api`: the access table does not cover it (GET is public, POST checks `api_key`). */
export const OPEN311_BASE = '/open311/v2';

type Format = 'xml' | 'json';
const TYPES: Record<Format, string> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' };
const FORM = 'application/x-www-form-urlencoded';

/** `requests.json` -> { name: 'requests', format: 'json' }; any other extension is an unknown resource. */
function splitFile(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  if (!m) throw new AppError('not_found', `No resource ${file}: add .xml or .json.`);
  return { name: m[1]!, format: m[2] as Format };
}

/** The format a URL asks for (JSON for `.json`, else XML, the specification's own), for error bodies. */
const formatOf = (request: FastifyRequest): Format => (request.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml');

function send(reply: FastifyReply, format: Format, status: number, root: string, value: XmlValue) {
  const body = format === 'json' ? JSON.stringify(value) : toXml(root, value, xmlItemName);
  return reply.code(status).type(TYPES[format]).send(body);
}

/** The specification's error list: 404 unknown resource, 403 bad or missing api_key, 400 anything else. */
function sendErrors(reply: FastifyReply, format: Format, status: number, descriptions: string[]) {
  const errors = descriptions.map((description) => ({ code: status, description }));
  return send(reply, format, status, 'errors', errors);
}

/** Fastify's own routing errors under `/open311` (a broken escape, an over-long segment), as the specification's list. */
export function open311FrameworkError(request: FastifyRequest, reply: FastifyReply) {
  return sendErrors(reply, formatOf(request), 400, ['The URL is malformed (a bad escape or an over-long segment).']);
}

function statusOf(error: FastifyError | AppError): number {
  const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
  if (status === 404) return 404;
  if (status === 401 || status === 403) return 403;
  // Rate limits (plugins/rate-limits.ts) keep their 429 and Retry-After: a client must know to wait.
  if (status === 429) return 429;
  return status >= 500 ? 500 : 400;
}

/** A form body as parameters (URLSearchParams decodes `+` and percent escapes); repeated names give lists. */
function formParams(body: string): RawParams {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/**
 * Open311 GeoReport v2 under `/open311/v2`, every resource in `.xml` and `.json`: `discovery`,
 * `services`, `services/{code}`, `requests` (GET, and POST as a form), `requests/{id}`, `tokens/{token}`.
 * Errors use the specification's list, not problem+json; its own form parser and error and not-found
 * handlers are scoped to these routes.
 */
export function open311Routes(app: FastifyInstance, open311: Open311Service): void {
  void app.register(
    async (scope) => {
      scope.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 262_144 }, (_request, body, done) => {
        done(null, formParams(body as string));
      });
      scope.setErrorHandler((error: FastifyError, request, reply) => {
        const status = statusOf(error);
        if (status === 500) {
          request.log.error({ err: error }, 'unhandled error');
          return sendErrors(reply, formatOf(request), 500, [
            `Something went wrong on our side (request ${request.id}).`,
          ]);
        }
        const fields = error instanceof AppError ? error.fieldErrors : undefined;
        const descriptions = fields?.length
          ? fields.map((f) => f.message)
          : [error instanceof AppError ? (error.detail ?? error.message) : error.message];
        return sendErrors(reply, formatOf(request), status, descriptions);
      });
      scope.setNotFoundHandler((request, reply) =>
        sendErrors(reply, formatOf(request), 404, [`No resource ${request.method} ${request.url.split('?')[0]}.`]),
      );

      scope.get<{ Params: { file: string } }>('/:file', async (request, reply) => {
        const { name, format } = splitFile(request.params.file);
        const query = request.query as RawParams;
        switch (name) {
          case 'discovery':
            return send(reply, format, 200, 'discovery', open311.discovery(baseUrlOf(request)));
          case 'services':
            return send(reply, format, 200, 'services', open311.services());
          case 'requests':
            return send(reply, format, 200, 'service_requests', open311.requests(query, baseUrlOf(request)));
          default:
            throw new AppError('not_found', `No resource ${name}.`);
        }
      });
      scope.get<{ Params: { file: string } }>('/services/:file', async (request, reply) => {
        const { name, format } = splitFile(request.params.file);
        return send(reply, format, 200, 'service_definition', open311.definition(name));
      });
      scope.get<{ Params: { file: string } }>('/requests/:file', async (request, reply) => {
        const { name, format } = splitFile(request.params.file);
        const found = open311.request(name, request.query as RawParams, baseUrlOf(request));
        return send(reply, format, 200, 'service_requests', found);
      });
      // Every service is `realtime`: POST answers with the service_request_id itself and never issues a
      // token, so no token is known here (the specification's answer for an unknown token is 404).
      scope.get<{ Params: { file: string } }>('/tokens/:file', async (request) => {
        const { name } = splitFile(request.params.file);
        throw new AppError('not_found', `No token ${name}: services here are realtime and POST returns the id.`);
      });
      scope.post<{ Params: { file: string } }>('/:file', async (request, reply) => {
        const { name, format } = splitFile(request.params.file);
        if (name !== 'requests') throw new AppError('not_found', `No resource POST ${name}.`);
        if (!request.headers['content-type']?.toLowerCase().startsWith(FORM))
          throw new AppError('bad_request', `POST requests takes ${FORM}.`);
        const created = await open311.create((request.body ?? {}) as RawParams);
        return send(reply, format, 201, 'service_requests', [{ ...created }]);
      });
    },
    { prefix: OPEN311_BASE },
  );
}

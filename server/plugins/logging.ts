import type { FastifyInstance, FastifyServerOptions, RawServerDefault } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';

/** Header carrying a request's id, in and out (a proxy's id is kept when it looks like one). */
export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The id of a request: the proxy's X-Request-Id when it is a sane token, otherwise a fresh UUID. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

// Query parameters whose values are secrets or personal data (Open311 clients may send any of them in
// the URL): a log line keeps the name and drops the value.
const SECRET_PARAMS = new Set([
  'api_key',
  'email',
  'phone',
  'first_name',
  'last_name',
  'name',
  'password',
  'token',
  'device_id',
  'description',
]);

/** A URL as it is logged: path and parameter names kept, values of sensitive parameters removed. */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // A malformed name is logged as sent.
      }
      return SECRET_PARAMS.has(decoded.toLowerCase()) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

// Phone numbers (Vietnamese and international forms) and email addresses anywhere in a log line. The
// phone pattern never starts inside a word or a decimal and allows only space or dash separators, so
// it cannot match a JSON number (which never has a leading zero or a plus) and the line stays JSON.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /(?<![\w.])(?:\+\d{2,3}|0)(?:[ -]?\d){8,11}(?!\d)/g;

/** Removes email addresses and phone numbers from one serialized log line. */
export function scrubLogLine(line: string): string {
  return line.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACT_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'totp',
  '*.totp',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  '*.headers["x-resident-token"]',
  '*.headers["x-api-key"]',
  'contact',
  '*.contact',
  'email',
  '*.email',
  'phone',
  '*.phone',
];

/**
 * Fastify's logger and request-id options: JSON lines (pino) with a request id on every line of a
 * request, echoed in the `X-Request-Id` response header; URLs without secret or personal values; no
 * passwords, cookies, tokens, contact details, phone numbers or email addresses anywhere in a line.
 */
export function loggingOptions(
  level: string | undefined,
  stream?: Writable,
): Pick<FastifyServerOptions<RawServerDefault>, 'logger' | 'genReqId' | 'requestIdHeader' | 'disableRequestLogging'> {
  const enabled = level !== undefined && level !== 'silent';
  return {
    genReqId: requestId,
    requestIdHeader: false,
    logger: enabled
      ? {
          level,
          ...(stream ? { stream } : {}),
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          serializers: {
            req: (req: { method: string; url: string; ip?: string; socket?: { remoteAddress?: string } }) => ({
              method: req.method,
              url: loggedUrl(req.url),
              remoteAddress: req.ip ?? req.socket?.remoteAddress,
            }),
          },
          hooks: { streamWrite: scrubLogLine },
        }
      : false,
  };
}

/** Echoes each request's id in the `X-Request-Id` response header, so a user can quote it. */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}

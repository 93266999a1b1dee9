import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../domain/app-error';
import type { TrustFn } from '../domain/trust-proxy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const first = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

/**
 * Is a request carrying this Origin from our own site or an allowed one? The origin's host[:port]
 * must equal the request's Host, or the origin must be on the allowlist (exact `scheme://host[:port]`).
 * `null` and unparsable origins are foreign.
 */
export function originAllowed(origin: string, host: string, allowlist: ReadonlySet<string>): boolean {
  if (allowlist.has(origin)) return true;
  try {
    const o = new URL(origin);
    // Read the Host with the origin's scheme, so a default port (:443, :80) written on one side only matches.
    return host !== '' && o.host === new URL(`${o.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * The CSRF rule of Go 1.25's `http.CrossOriginProtection`, token-free: safe methods pass; otherwise a
 * browser's `Sec-Fetch-Site` must be `same-origin` or `none` (typed URL, bookmark); without it (older
 * browsers) an `Origin` must match the Host; an allowlisted origin passes either way. Requests with
 * neither header are not from a browser (curl, servers, Open311 clients) and carry no ambient cookie
 * a third site could borrow, so they pass.
 */
export function crossOriginAllowed(
  method: string,
  headers: FetchHeaders,
  host: string,
  allowlist: ReadonlySet<string>,
): boolean {
  return SAFE_METHODS.has(method) || fromAllowedSite(headers, host, allowlist);
}

type FetchHeaders = { 'sec-fetch-site'?: string | string[]; origin?: string | string[] };

/**
 * The same rule whatever the method: used for socket handshakes (GETs that carry the staff cookie).
 * A request from no browser at all (neither header) passes.
 */
export function fromAllowedSite(headers: FetchHeaders, host: string, allowlist: ReadonlySet<string>): boolean {
  const origin = first(headers.origin);
  const site = first(headers['sec-fetch-site']);
  if (site) return site === 'same-origin' || site === 'none' || (origin !== undefined && allowlist.has(origin));
  return origin === undefined || originAllowed(origin, host, allowlist);
}

/**
 * Refuses cross-site state changes on every route (JSON, multipart, forms, Open311) with 403
 * `cross_origin_request`, at onRequest: before the session is trusted and before any body is read.
 * `request.host` honours X-Forwarded-Host only from a trusted proxy (TRUST_PROXY).
 */
export function registerCrossOriginProtection(app: FastifyInstance, allowlist: ReadonlySet<string>): void {
  app.addHook('onRequest', async (request) => {
    if (!crossOriginAllowed(request.method, request.headers, request.host, allowlist)) {
      throw new AppError(
        'cross_origin_request',
        'This request came from another site. Use this site itself, or ask for your site to be allowed (CORS_ORIGINS).',
      );
    }
  });
}

/** The Host a raw request (a socket handshake) was sent to, as Fastify's `request.host` reads it. */
export function hostOf(request: IncomingMessage, trust: TrustFn): string {
  const forwarded = request.headers['x-forwarded-host'];
  if (typeof forwarded === 'string' && trust(request.socket.remoteAddress ?? '', 0))
    return forwarded.split(',').pop()!.trim();
  return request.headers.host ?? '';
}

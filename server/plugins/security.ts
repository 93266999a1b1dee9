import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

/** What the headers depend on. */
export interface SecurityHeaderOptions {
  /** Served over HTTPS (COOKIE_SECURE): also ask browsers to upgrade any http: subresource. */
  https: boolean;
  /** The built web app, whose `beacon:tile-url` names the map tile server images may come from. */
  webDist?: string;
  /** More origins map tiles may come from (TILE_ORIGINS: a PC's local tile server). */
  tileOrigins?: readonly string[];
}

/**
 * The tile server's origin from the built index.html's `<meta name="beacon:tile-url">` (editable
 * without a rebuild, read at start); `{s}` subdomains become a wildcard. None when absent or empty.
 */
export function tileOriginOf(webDist: string | undefined): string[] {
  const file = webDist && path.join(webDist, 'index.html');
  if (!file || !existsSync(file)) return [];
  const m = /<meta\s+name="beacon:tile-url"\s+content="([^"]*)"/.exec(readFileSync(file, 'utf8'));
  const template = m?.[1]?.trim();
  if (!template) return [];
  const hostPart = /^(https?:\/\/)([^/]+)/.exec(template.replace(/&amp;/g, '&'));
  if (!hostPart) return [];
  return [`${hostPart[1]}${hostPart[2]!.replace(/\{s\}/g, '*')}`];
}

/**
 * Helmet's settings. The CSP fits the built app: scripts, styles, fonts, workers (the service worker),
 * the manifest and fetch/socket.io only from this origin; images also from data: and blob: (photo
 * previews, the inline favicon) and the tile server; inline `style` attributes only (Leaflet div icons
 * on the wall carry them; `<style>` and inline scripts stay refused); no framing at all.
 */
export function helmetOptions(opts: SecurityHeaderOptions): HelmetOptions {
  const tiles = [...tileOriginOf(opts.webDist), ...(opts.tileOrigins ?? [])];
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain HTTP (a LAN install) upgrading would break every request, so only with HTTPS.
        upgradeInsecureRequests: opts.https ? [] : null,
      },
    },
    // A year. Not includeSubDomains: the IOC does not speak for the city's other sites.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
    // Tracking codes are in page URLs: never sent to the tile server or any other site.
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * Security headers on every response Fastify sends (at onRequest, so errors, 404s, static files and
 * the SPA fallback get them too), `Cache-Control: no-store` on API answers that set none, and CORS for
 * a fixed allowlist of origins. Register first, so later onRequest hooks that refuse a request (CSRF,
 * limits, access) answer with the headers already set. The headers are helmet's, computed once at
 * start: they do not vary by request, and building them per response cost ~4 % of a filing's CPU.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  opts: SecurityHeaderOptions & { corsOrigins: ReadonlySet<string> },
): void {
  const headers = securityHeaderValues(opts);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
  void app.register(cors, {
    // Only listed origins get CORS headers; any other (or none) gets none, and its preflight a 404.
    origin: (origin, cb) => cb(null, origin !== undefined && opts.corsOrigins.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'X-Resident-Token'],
    exposedHeaders: ['Retry-After', 'Idempotent-Replayed'],
    credentials: false,
    maxAge: 600,
  });
  app.addHook('onSend', async (request, reply) => {
    // API answers are not cached unless a route says otherwise (photos do).
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    // Photos are public and Open311 clients show them by `media_url` on their own sites.
    if (request.url.startsWith('/api/photos/')) reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
}

/**
 * The same headers as a plain object, for responses Fastify never sees (socket.io's polling and
 * handshake answers are written by engine.io on the raw HTTP server).
 */
export function securityHeaderValues(opts: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  helmet(helmetOptions(opts))({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

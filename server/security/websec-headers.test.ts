import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, type TestApp } from '../test/app';
import { multipart } from '../test/multipart';
import { listen } from '../test/socket';

// Security headers on every kind of answer: JSON, problem+json errors, the web app's files and its
// page fallback, photos, CSV, the API description, Open311 XML, and socket.io's own HTTP answers.

const TILE = 'https://tiles.tuyhoa.gov.vn';
let t: TestApp;
let webDist: string;
let operator: string;
let leader: string;
let photoUrl: string;

beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'beacon-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(
    path.join(webDist, 'index.html'),
    `<!doctype html><html><head><meta name="beacon:tile-url" content="${TILE}/{z}/{x}/{y}.png" />` +
      '<script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("beacon");');
  t = await buildTestApp({ webDist, rateLimits: { trackPerMinute: 1 } });
  operator = await t.login('operator');
  leader = await t.login('leader');
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
  const body = multipart(
    { categoryCode: 'street_lighting', lat: '13.07', lng: '109.27', description: reportBody().description },
    [{ field: 'photos', name: 'a.jpg', type: 'image/jpeg', bytes: jpeg }],
  );
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: body.headers,
    payload: body.payload,
  });
  expect(filed.statusCode).toBe(201);
  photoUrl = filed.json<{ photos: { url: string }[] }>().photos[0]!.url;
});
afterAll(async () => {
  await t.close();
  rmSync(webDist, { recursive: true, force: true });
});

type Headers = Record<string, string | string[] | number | undefined>;

/** The headers every answer carries, whatever produced it. */
function expectSecurityHeaders(h: Headers, what: string) {
  const csp = String(h['content-security-policy'] ?? '');
  expect(csp, `${what}: CSP`).toContain("default-src 'self'");
  expect(csp, `${what}: CSP`).toContain("script-src 'self'");
  expect(csp, `${what}: CSP`).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: CSP`).toContain("object-src 'none'");
  expect(String(h['strict-transport-security']), `${what}: HSTS`).toMatch(/^max-age=31536000/);
  expect(h['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect(h['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
  expect(h['referrer-policy'], `${what}: Referrer-Policy`).toBe('same-origin');
}

describe('security headers', () => {
  it('are on JSON answers, which are not cached', async () => {
    const res = await t.app.inject({ url: '/api/categories' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res.headers, 'JSON');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('are on every error answer: 400, 401, 403, 404, 413, 429 and 500', async () => {
    const answers = {
      // A URL the router rejects is answered before any hook runs.
      400: await t.app.inject({ url: '/api/track/%zz' }),
      401: await t.app.inject({ url: '/api/reports' }),
      403: await t.app.inject({ method: 'POST', url: '/api/reports', headers: { origin: 'https://evil.example' } }),
      404: await t.app.inject({ url: '/api/no-such-thing' }),
      413: await t.app.inject({
        method: 'POST',
        url: '/api/reports',
        payload: { ...reportBody(), description: 'x'.repeat(1_100_000) },
      }),
      429: await (async () => {
        await t.app.inject({ url: '/api/track/TH-0000-000001', remoteAddress: '198.51.100.1' });
        return t.app.inject({ url: '/api/track/TH-0000-000001', remoteAddress: '198.51.100.1' });
      })(),
    };
    for (const [status, res] of Object.entries(answers)) {
      expect(res.statusCode).toBe(Number(status));
      expect(res.headers['content-type']).toContain('application/problem+json');
      expectSecurityHeaders(res.headers, `problem ${status}`);
    }
  });

  it("are on the web app's files, its pages and its page fallback", async () => {
    const page = await t.app.inject({ url: '/' });
    expect(page.headers['content-type']).toContain('text/html');
    expectSecurityHeaders(page.headers, 'index.html');
    const fallback = await t.app.inject({ url: '/track/TH-2611-000001' });
    expect(fallback.statusCode).toBe(200);
    expect(fallback.body).toContain('id="root"');
    expectSecurityHeaders(fallback.headers, 'SPA fallback');
    const script = await t.app.inject({ url: '/assets/app.js' });
    expect(script.statusCode).toBe(200);
    expectSecurityHeaders(script.headers, 'static file');
    const missing = await t.app.inject({ url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing.headers, 'missing static file');
  });

  it('let map tiles load from the tile server named in index.html, and images from blob: and data:', async () => {
    const csp = String((await t.app.inject({ url: '/' })).headers['content-security-policy']);
    const img = csp.split(';').find((d) => d.trim().startsWith('img-src'))!;
    expect(img.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:', TILE]));
    expect(csp).not.toContain('https://evil');
  });

  it('are on photos, which other sites may show (Open311 media_url)', async () => {
    const res = await t.app.inject({ url: photoUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expectSecurityHeaders(res.headers, 'photo');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    // Every other answer keeps to this site.
    expect((await t.app.inject({ url: '/api/categories' })).headers['cross-origin-resource-policy']).toBe(
      'same-origin',
    );
  });

  it('are on the CSV export, the API description and Open311 XML and its errors', async () => {
    const from = encodeURIComponent('2026-11-01T00:00:00Z');
    const to = encodeURIComponent('2026-12-01T00:00:00Z');
    const csv = await t.app.inject({ url: `/api/stats/export.csv?from=${from}&to=${to}`, headers: { cookie: leader } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expectSecurityHeaders(csv.headers, 'CSV');
    const docs = await t.app.inject({ url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expectSecurityHeaders(docs.headers, '/api/docs');
    const xml = await t.app.inject({ url: '/open311/v2/services.xml' });
    expect(xml.headers['content-type']).toContain('text/xml');
    expectSecurityHeaders(xml.headers, 'Open311 XML');
    const xmlError = await t.app.inject({ url: '/open311/v2/nothing.xml' });
    expect(xmlError.statusCode).toBe(404);
    expectSecurityHeaders(xmlError.headers, 'Open311 XML error');
  });

  it("are on socket.io's own HTTP answers (long-polling handshake)", async () => {
    const base = await listen(t);
    const res = await fetch(`${base}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(res.headers), 'socket.io polling');
  });

  it('are on an internal error (500), which says nothing of the cause', async () => {
    // Last: the database closes under the server.
    const staffView = await t.app.inject({ url: '/api/reports/1', headers: { cookie: operator } });
    expect(staffView.statusCode).toBe(200);
    t.db.$client.close();
    const res = await t.app.inject({ url: '/api/reports/1', headers: { cookie: operator } });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('database');
    expectSecurityHeaders(res.headers, 'problem 500');
  });
});

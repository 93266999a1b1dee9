import { afterEach, describe, expect, it } from 'vitest';
import { SCRIPT_ACTOR } from '../modules/audit/audit.service';
import { buildTestApp, reportBody, type TestApp, type TestAppOptions } from '../test/app';
import { multipart } from '../test/multipart';

// CSRF (Go 1.25 CrossOriginProtection's rule: Sec-Fetch-Site, else Origin against Host) and CORS with a
// fixed allowlist. The site is https://ioc.tuyhoa.gov.vn; a portal https://portal.tuyhoa.gov.vn may be
// allowed by CORS_ORIGINS.

const HOST = 'ioc.tuyhoa.gov.vn';
const SELF = `https://${HOST}`;
const PORTAL = 'https://portal.tuyhoa.gov.vn';
const EVIL = 'https://evil.example';

let t: TestApp;
let operator: string;
afterEach(() => t?.close());

async function start(options: TestAppOptions = {}) {
  t = await buildTestApp(options);
  operator = await t.login('operator');
}

async function fileReport(headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/reports',
    payload: reportBody(),
    headers: { host: HOST, ...headers },
  });
}

/** The operator dispatches report `id` (JSON), from a page with these headers. */
function dispatch(id: number, headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/reports/${id}/transitions`,
    headers: { host: HOST, cookie: operator, ...headers },
    payload: { action: 'dispatch', version: 0, unitId: t.ids.units.lighting },
  });
}

/** The same as multipart/form-data (as the desk sends it with photos). */
function dispatchMultipart(id: number, headers: Record<string, string>) {
  const body = multipart({ action: 'dispatch', version: '0', unitId: String(t.ids.units.lighting) });
  return t.app.inject({
    method: 'POST',
    url: `/api/reports/${id}/transitions`,
    headers: { host: HOST, cookie: operator, ...body.headers, ...headers },
    payload: body.payload,
  });
}

async function statusOf(id: number) {
  const res = await t.app.inject({ url: `/api/reports/${id}`, headers: { cookie: operator } });
  return res.json<{ status: string }>().status;
}

function expectCrossOriginRefused(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(res.statusCode).toBe(403);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ code: 'cross_origin_request', status: 403 });
}

describe('cross-site request forgery', () => {
  it("refuses a signed-in operator's JSON change sent by another site's page, and changes nothing", async () => {
    await start();
    const { id } = (await fileReport()).json<{ id: number }>();
    expectCrossOriginRefused(await dispatch(id, { origin: EVIL }));
    expectCrossOriginRefused(await dispatch(id, { 'sec-fetch-site': 'cross-site', origin: EVIL }));
    // A sibling site of the city is another origin too.
    expectCrossOriginRefused(await dispatch(id, { 'sec-fetch-site': 'same-site', origin: PORTAL }));
    expectCrossOriginRefused(await dispatch(id, { origin: 'null' }));
    expect(await statusOf(id)).toBe('received');
  });

  it("refuses the same change sent as multipart/form-data by another site's form", async () => {
    await start();
    const { id } = (await fileReport()).json<{ id: number }>();
    expectCrossOriginRefused(await dispatchMultipart(id, { origin: EVIL }));
    expectCrossOriginRefused(await dispatchMultipart(id, { 'sec-fetch-site': 'cross-site' }));
    expect(await statusOf(id)).toBe('received');
    const ok = await dispatchMultipart(id, { 'sec-fetch-site': 'same-origin', origin: SELF });
    expect(ok.statusCode).toBe(200);
    expect(await statusOf(id)).toBe('assigned');
  });

  it('accepts the change from the site itself: by Sec-Fetch-Site, or by Origin in browsers without it', async () => {
    await start();
    const a = (await fileReport()).json<{ id: number }>().id;
    expect((await dispatch(a, { 'sec-fetch-site': 'same-origin', origin: SELF })).statusCode).toBe(200);
    const b = (await fileReport()).json<{ id: number }>().id;
    expect((await dispatch(b, { origin: SELF })).statusCode).toBe(200);
    // Same origin written with its default port.
    const c = (await fileReport()).json<{ id: number }>().id;
    expect((await dispatch(c, { origin: `${SELF}:443` })).statusCode).toBe(200);
  });

  it("refuses a resident's report and a sign-in posted by another site, not those without browser headers", async () => {
    await start();
    expectCrossOriginRefused(await fileReport({ origin: EVIL }));
    expectCrossOriginRefused(await fileReport({ 'sec-fetch-site': 'cross-site' }));
    expect((await fileReport()).statusCode).toBe(201); // curl, an app, a server
    expect((await fileReport({ 'sec-fetch-site': 'none' })).statusCode).toBe(201); // typed or bookmarked
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: EVIL },
      payload: { username: 'operator', password: 'whatever' },
    });
    expectCrossOriginRefused(login);
    expect(login.cookies).toHaveLength(0);
  });

  it('lets another site read public data (GET is never refused)', async () => {
    await start();
    const res = await t.app.inject({
      url: '/api/categories',
      headers: { host: HOST, origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('lets an allowlisted site post, and Open311 clients file cross-origin only when allowlisted', async () => {
    await start({ corsOrigins: [PORTAL] });
    expect((await fileReport({ origin: PORTAL, 'sec-fetch-site': 'same-site' })).statusCode).toBe(201);
    const { key } = t.services.admin.apiKeys.create(SCRIPT_ACTOR, { name: 'City portal' });
    const open311 = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({
          api_key: key,
          service_code: 'street_lighting',
          lat: '13.07',
          long: '109.27',
          description: 'Đèn đường không sáng',
        }).toString(),
      });
    expect((await open311({})).statusCode).toBe(201); // server to server
    expect((await open311({ origin: PORTAL, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(201);
    const refused = await open311({ origin: EVIL, 'sec-fetch-site': 'cross-site' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: expect.stringContaining('another site') }]);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/api/reports',
      headers: {
        host: HOST,
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });

  it('gives no other site access by default', async () => {
    await start();
    const res = await t.app.inject({ url: '/api/categories', headers: { host: HOST, origin: PORTAL } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await preflight(PORTAL);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('answers an allowlisted origin, reads and preflight, and no other', async () => {
    await start({ corsOrigins: [PORTAL] });
    const read = await t.app.inject({ url: '/api/categories', headers: { host: HOST, origin: PORTAL } });
    expect(read.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
    expect(read.headers.vary).toContain('Origin');
    const pre = await preflight(PORTAL);
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(PORTAL);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');

    const other = await t.app.inject({ url: '/api/categories', headers: { host: HOST, origin: EVIL } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPre = await preflight(EVIL);
    expect(otherPre.headers['access-control-allow-origin']).toBeUndefined();
    expect(otherPre.headers['access-control-allow-methods']).toBeUndefined();
    // A look-alike (prefix, other scheme) is not the allowed origin.
    for (const o of [`${PORTAL}.evil.example`, 'http://portal.tuyhoa.gov.vn'])
      expect((await preflight(o)).headers['access-control-allow-origin']).toBeUndefined();
  });
});

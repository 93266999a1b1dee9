import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { SCRIPT_ACTOR } from '../modules/audit/audit.service';
import { buildTestApp, reportBody, type TestApp, type TestAppOptions } from '../test/app';
import { TEST_PASSWORD } from '../test/city';

// Rate limits (issue 8, web security): filing, sign-in and tracking-code lookups per client address,
// answered with 429 problem+json `rate_limited` and Retry-After; per-username sign-in lockout.

let t: TestApp;
afterEach(() => t?.close());

const start = async (options: TestAppOptions) => {
  t = await buildTestApp(options);
  return t;
};

/** A client at `ip` (as the socket peer) files a report. */
const file = (ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody(), remoteAddress: ip, headers });

const login = (ip: string, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

const track = (ip: string, code: string) =>
  t.app.inject({ method: 'GET', url: `/api/track/${code}`, remoteAddress: ip });

function expectRateLimited(res: LightMyRequestResponse, maxSeconds = 60): number {
  expect(res.statusCode).toBe(429);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= maxSeconds).toBe(true);
  return retryAfter;
}

describe('filing limit (REPORT_RATE_LIMIT)', () => {
  it('lets a client file its quota, refuses the next with 429 and Retry-After, and lets it file after the wait', async () => {
    await start({ rateLimits: { reportsPerMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await file('198.51.100.7')).statusCode).toBe(201);
    const retryAfter = expectRateLimited(await file('198.51.100.7'));
    // Another client is not affected.
    expect((await file('198.51.100.8')).statusCode).toBe(201);
    t.clock.advance(retryAfter * 1000);
    expect((await file('198.51.100.7')).statusCode).toBe(201);
  });

  it('refuses a multipart upload over the limit before reading its body', async () => {
    await start({ rateLimits: { reportsPerMinute: 1 } });
    expect((await file('198.51.100.7')).statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      remoteAddress: '198.51.100.7',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: 'not even a valid multipart body',
    });
    expectRateLimited(res);
  });

  it('is off when REPORT_RATE_LIMIT is 0 (load tests)', async () => {
    await start({ rateLimits: { reportsPerMinute: 0 } });
    for (let i = 0; i < 30; i++) expect((await file('198.51.100.7')).statusCode).toBe(201);
  });

  it('also counts Open311 filings, answering in the Open311 error format with Retry-After', async () => {
    await start({ rateLimits: { reportsPerMinute: 2 } });
    const { key } = t.services.admin.apiKeys.create(SCRIPT_ACTOR, { name: 'City portal' });
    const post = () =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        remoteAddress: '203.0.113.20',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: key,
          service_code: 'street_lighting',
          lat: '13.07',
          long: '109.27',
          description: 'Đèn đường không sáng',
        }).toString(),
      });
    expect((await post()).statusCode).toBe(201);
    // The web form and Open311 share one budget per address.
    expect((await file('203.0.113.20')).statusCode).toBe(201);
    const res = await post();
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(res.json()).toEqual([{ code: 429, description: expect.stringContaining('Too many reports') }]);
  });
});

describe('client address behind proxies (TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For from a direct client: a forged header does not give it a fresh quota', async () => {
    await start({ rateLimits: { reportsPerMinute: 2 } });
    expect((await file('198.51.100.7', { 'x-forwarded-for': '10.0.0.1' })).statusCode).toBe(201);
    expect((await file('198.51.100.7', { 'x-forwarded-for': '10.0.0.2' })).statusCode).toBe(201);
    expectRateLimited(await file('198.51.100.7', { 'x-forwarded-for': '10.0.0.3' }));
  });

  it('behind a trusted proxy keys each resident by the address the proxy saw, whatever they forge further left', async () => {
    await start({ rateLimits: { reportsPerMinute: 2 }, trustProxy: ['127.0.0.1'] });
    const viaProxy = (xff: string) => file('127.0.0.1', { 'x-forwarded-for': xff });
    expect((await viaProxy('203.0.113.5')).statusCode).toBe(201);
    expect((await viaProxy('1.1.1.1, 203.0.113.5')).statusCode).toBe(201);
    expectRateLimited(await viaProxy('2.2.2.2, 203.0.113.5'));
    // Another resident behind the same proxy has its own quota.
    expect((await viaProxy('203.0.113.6')).statusCode).toBe(201);
  });

  it('with a hop count, trusts exactly that many proxies from the right', async () => {
    await start({ rateLimits: { reportsPerMinute: 1 }, trustProxy: 2 });
    // peer (proxy 2) <- 192.0.2.1 (proxy 1) <- 203.0.113.5 (the client) <- forged entries
    expect((await file('10.1.1.1', { 'x-forwarded-for': '203.0.113.5, 192.0.2.1' })).statusCode).toBe(201);
    expectRateLimited(await file('10.1.1.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 192.0.2.1' }));
  });

  it('does not believe X-Forwarded-For from an address that is not one of the proxies', async () => {
    await start({ rateLimits: { reportsPerMinute: 1 }, trustProxy: ['10.0.0.0/8'] });
    expect((await file('198.51.100.7', { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(201);
    expectRateLimited(await file('198.51.100.7', { 'x-forwarded-for': '203.0.113.2' }));
  });
});

describe('sign-in limits', () => {
  it('limits attempts per address (LOGIN_RATE_LIMIT), right or wrong', async () => {
    await start({ rateLimits: { loginPerMinute: 3 } });
    expect((await login('198.51.100.7', 'operator', 'wrong-1')).statusCode).toBe(401);
    expect((await login('198.51.100.7', 'leader', 'wrong-2')).statusCode).toBe(401);
    expect((await login('198.51.100.7', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
    const retryAfter = expectRateLimited(await login('198.51.100.7', 'operator', TEST_PASSWORD));
    expect((await login('198.51.100.8', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await login('198.51.100.7', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks a username after repeated wrong passwords, from every address, even with the right password', async () => {
    await start({ rateLimits: { loginAccountMaxFailures: 3, loginLockoutMs: 15 * 60_000 } });
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect((await login(ip, 'operator', 'guess')).statusCode).toBe(401);
    const res = await login('198.51.100.4', 'operator', TEST_PASSWORD);
    const retryAfter = expectRateLimited(res, 15 * 60);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    // Another account is not affected; nor does case or spacing make a new username.
    expect((await login('198.51.100.4', 'leader', TEST_PASSWORD)).statusCode).toBe(200);
    expectRateLimited(await login('198.51.100.5', ' OPERATOR ', TEST_PASSWORD), 15 * 60);
    t.clock.advance(retryAfter * 1000);
    expect((await login('198.51.100.4', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers a locked unknown username exactly as a locked real one, so it never tells which exist', async () => {
    await start({ rateLimits: { loginAccountMaxFailures: 2, loginLockoutMs: 60_000 } });
    for (const user of ['operator', 'nobody-here'])
      for (let i = 0; i < 2; i++) expect((await login('198.51.100.1', user, 'guess')).statusCode).toBe(401);
    const real = await login('198.51.100.2', 'operator', 'guess');
    const unknown = await login('198.51.100.2', 'nobody-here', 'guess');
    expect(real.statusCode).toBe(429);
    expect(unknown.statusCode).toBe(429);
    const { requestId: _a, ...realBody } = real.json();
    const { requestId: _b, ...unknownBody } = unknown.json();
    expect(unknownBody).toEqual(realBody);
    expect(unknown.headers['retry-after']).toBe(real.headers['retry-after']);
  });

  it('does not count malformed sign-ins (no password) as failures', async () => {
    await start({ rateLimits: { loginAccountMaxFailures: 2 } });
    for (let i = 0; i < 4; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'operator' },
        remoteAddress: '198.51.100.1',
      });
      expect(res.statusCode).toBe(422);
    }
    expect((await login('198.51.100.1', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('forgets failures after a successful sign-in', async () => {
    await start({ rateLimits: { loginAccountMaxFailures: 3 } });
    for (let round = 0; round < 2; round++) {
      expect((await login('198.51.100.1', 'operator', 'guess')).statusCode).toBe(401);
      expect((await login('198.51.100.1', 'operator', 'guess')).statusCode).toBe(401);
      expect((await login('198.51.100.1', 'operator', TEST_PASSWORD)).statusCode).toBe(200);
    }
  });
});

describe('tracking-code lookups (TRACK_RATE_LIMIT)', () => {
  it('limits lookups per address, found or not, and recovers after the window', async () => {
    await start({ rateLimits: { trackPerMinute: 3 } });
    const { trackingCode } = (await file('198.51.100.50')).json() as { trackingCode: string };
    expect((await track('198.51.100.7', trackingCode)).statusCode).toBe(200);
    expect((await track('198.51.100.7', 'TH-0000-000001')).statusCode).toBe(404);
    expect((await track('198.51.100.7', 'TH-0000-000002')).statusCode).toBe(404);
    const retryAfter = expectRateLimited(await track('198.51.100.7', trackingCode));
    // Following by code counts too.
    const follow = await t.app.inject({
      method: 'POST',
      url: `/api/track/${trackingCode}/follow`,
      remoteAddress: '198.51.100.7',
    });
    expectRateLimited(follow);
    // Open311's request-by-id is a lookup by the same code.
    const open311 = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${trackingCode}.json`,
      remoteAddress: '198.51.100.7',
    });
    expect(open311.statusCode).toBe(429);
    expect((await track('198.51.100.8', trackingCode)).statusCode).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await track('198.51.100.7', trackingCode)).statusCode).toBe(200);
  });

  it('leaves other reads alone', async () => {
    await start({ rateLimits: { trackPerMinute: 1, reportsPerMinute: 1, loginPerMinute: 1 } });
    for (let i = 0; i < 10; i++) {
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/categories', remoteAddress: '198.51.100.7' })).statusCode,
      ).toBe(200);
    }
  });
});

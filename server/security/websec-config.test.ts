import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { clientAddress, parseTrustProxy, trustFunction } from '../domain/trust-proxy';

// The web-security settings as an operator writes them in the environment, and the client-address rule.

describe('web security configuration', () => {
  it('has limits a resident never meets and a script does, no proxy and no other origin by default', () => {
    const c = loadConfig({});
    expect(c.rateLimits).toEqual({
      reportsPerMinute: 20,
      reportsPerDevicePerHour: 30,
      loginPerMinute: 20,
      loginAccountMaxFailures: 10,
      loginLockoutMs: 15 * 60_000,
      trackPerMinute: 120,
    });
    expect(c.trustProxy).toBe(false);
    expect(c.corsOrigins).toEqual([]);
  });

  it('reads the limits, 0 turning one off, the allowlist and the proxies', () => {
    const c = loadConfig({
      REPORT_RATE_LIMIT: '0',
      REPORT_DEVICE_LIMIT: '0',
      LOGIN_RATE_LIMIT: '5',
      LOGIN_ACCOUNT_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '30',
      TRACK_RATE_LIMIT: '60',
      CORS_ORIGINS: 'https://portal.tuyhoa.gov.vn, http://localhost:5173',
      TRUST_PROXY: '10.0.0.0/8, loopback',
    });
    expect(c.rateLimits).toEqual({
      reportsPerMinute: 0,
      reportsPerDevicePerHour: 0,
      loginPerMinute: 5,
      loginAccountMaxFailures: 3,
      loginLockoutMs: 30 * 60_000,
      trackPerMinute: 60,
    });
    expect(c.corsOrigins).toEqual(['https://portal.tuyhoa.gov.vn', 'http://localhost:5173']);
    expect(c.trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
  });

  it.each([
    ['TRUST_PROXY', 'true', /any X-Forwarded-For/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY/],
    ['TRUST_PROXY', 'proxy.local', /TRUST_PROXY/],
    ['CORS_ORIGINS', 'https://portal.tuyhoa.gov.vn/', /not an origin/],
    ['CORS_ORIGINS', '*', /not an origin/],
    ['REPORT_RATE_LIMIT', '-1', /REPORT_RATE_LIMIT/],
  ])('stops the start on %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('the client address (as request.ip and for sockets)', () => {
  const none = trustFunction(false);
  const proxies = trustFunction(parseTrustProxy('10.0.0.0/8'));

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.7', '1.2.3.4', none)).toBe('198.51.100.7');
  });

  it('is the rightmost address not written by a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.5, 10.0.0.1', proxies)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:10.0.0.2', '203.0.113.5', proxies)).toBe('203.0.113.5');
    expect(clientAddress('198.51.100.7', '203.0.113.5', proxies)).toBe('198.51.100.7');
  });

  it('follows a hop count from the right', () => {
    const two = trustFunction(parseTrustProxy('2'));
    expect(clientAddress('10.9.9.9', '6.6.6.6, 203.0.113.5, 192.0.2.1', two)).toBe('203.0.113.5');
  });
});

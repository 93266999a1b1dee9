import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem, jsonResponse } from '../test/responses';
import { apiFetch, ApiError, onUnauthenticated } from './http';

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('returns the JSON body of a successful call and sends JSON with the same-origin cookie', async () => {
    const fetch = vi.fn(async () => jsonResponse(201, { trackingCode: 'PY-2611-000001' }));
    vi.stubGlobal('fetch', fetch);
    const body = await apiFetch<{ trackingCode: string }>('/api/reports', {
      body: { a: 1 },
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(body.trackingCode).toBe('PY-2611-000001');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/reports');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe('k1');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('throws an ApiError with the status, code and field errors of a problem+json answer', async () => {
    vi.stubGlobal('fetch', async () =>
      problem(422, 'validation_failed', [{ path: 'contact.email', message: 'is not an email address' }]),
    );
    const err = await apiFetch('/api/reports', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.fieldError('contact.email')).toBe('is not an email address');
  });

  it('reports a dropped connection as a network error', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(apiFetch('/api/health')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('guesses the code from the status when the body is not a problem (e.g. a proxy page)', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiFetch('/api/health')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('tells the session when the server says the user is signed out', async () => {
    vi.stubGlobal('fetch', async () => problem(401, 'unauthenticated'));
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await apiFetch('/api/reports').catch(() => {});
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('answers undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

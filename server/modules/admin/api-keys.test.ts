import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys } from '../../db/schema';
import { auditOf, buildTestAppAs, type Api } from '../../test/api';
import type { TestApp } from '../../test/app';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator')));
afterAll(() => t.close());

describe('API keys for other systems', () => {
  let created: { id: number; key: string; prefix: string };

  it('shows a new key once, recognisable by its prefix, and keeps only its SHA-256', async () => {
    const res = await call('admin', 'POST', '/api/admin/api-keys', { name: 'Cổng dịch vụ công tỉnh' });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({ name: 'Cổng dịch vụ công tỉnh', revokedAt: null, lastUsedAt: null });
    expect(created.key).toMatch(/^bk_[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(created.key.startsWith(created.prefix)).toBe(true);

    const rows = t.db.select().from(apiKeys).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(created.key);

    const list = await call('admin', 'GET', '/api/admin/api-keys');
    expect(list.json().items).toEqual([
      {
        id: created.id,
        name: 'Cổng dịch vụ công tỉnh',
        prefix: created.prefix,
        createdAt: expect.any(String),
        revokedAt: null,
        lastUsedAt: null,
      },
    ]);
    const audit = await call('admin', 'GET', '/api/admin/audit?entity=api_key');
    expect(audit.body).not.toContain(created.key);
    expect(audit.body).not.toContain(rows[0]!.keyHash);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', after: { name: 'Cổng dịch vụ công tỉnh' } });
  });

  it('recognises the key, noting when it was last used at most once a minute', () => {
    const keys = t.services.admin.apiKeys;
    expect(keys.authenticate(created.key)).toEqual({ id: created.id, name: 'Cổng dịch vụ công tỉnh' });
    const first = t.db.select().from(apiKeys).get()!.lastUsedAt;
    expect(first).toBe(t.clock.now());
    t.clock.advance(30_000);
    keys.authenticate(created.key);
    expect(t.db.select().from(apiKeys).get()!.lastUsedAt).toBe(first);
    t.clock.advance(31_000);
    keys.authenticate(created.key);
    expect(t.db.select().from(apiKeys).get()!.lastUsedAt).toBe(t.clock.now());

    expect(keys.authenticate(created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(keys.authenticate('')).toBeNull();
  });

  it('revokes a key: refused from then on, still listed with the time it was revoked', async () => {
    const res = await call('admin', 'DELETE', `/api/admin/api-keys/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).toBe(new Date(t.clock.now()).toISOString());
    expect(t.services.admin.apiKeys.authenticate(created.key)).toBeNull();
    const [entry] = await auditOf(call, 'api_key');
    expect(entry).toMatchObject({
      action: 'revoke',
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    expect((await call('admin', 'DELETE', '/api/admin/api-keys/999')).statusCode).toBe(404);
  });

  it('is for admins only and names a bad key name', async () => {
    expect((await call('operator', 'GET', '/api/admin/api-keys')).statusCode).toBe(403);
    const bad = await call('admin', 'POST', '/api/admin/api-keys', { name: '<script>' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('name');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../../shared/api/routes';
import { API_ACCESS } from '../../../shared/domain/access';
import { buildTestApp, type TestApp } from '../../test/app';

type Op = {
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security?: unknown[];
  'x-roles': unknown;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Op>> };
type Json = Record<string, unknown>;

let t: TestApp;
let doc: Doc;
const op = (method: string, path: string) => doc.paths[path]![method]!;

beforeAll(async () => {
  t = await buildTestApp();
  const res = await t.app.inject({ url: '/api/docs' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.json<Doc>();
});
afterAll(() => t.close());

describe('GET /api/docs', () => {
  it('describes exactly the routes of the access table (and so every registered /api route)', () => {
    expect(Object.keys(API_ROUTES).sort()).toEqual(Object.keys(API_ACCESS).sort());
    const described = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(described.sort()).toEqual(Object.keys(API_ACCESS).sort());
    expect(doc.openapi).toBe('3.1.0');
  });

  it('gives query parameters, path parameters and bodies from the schemas the handlers validate with', () => {
    const overview = op('get', '/api/stats/overview');
    const from = overview.parameters.find((p) => p.name === 'from')!;
    expect(from).toMatchObject({ in: 'query', required: true });
    expect(overview.parameters.find((p) => p.name === 'bucket')).toMatchObject({ required: false });
    expect(overview.parameters.find((p) => p.name === 'bucket')!.schema.enum).toEqual(['day', 'week', 'month']);

    const detail = op('get', '/api/reports/{id}');
    expect(detail.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(detail.responses).toHaveProperty('404');

    const file = op('post', '/api/reports');
    const body = file.requestBody!.content['application/json']!.schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(body.required).toEqual(expect.arrayContaining(['categoryCode', 'description']));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['lat', 'lng', 'contact', 'attributes']));
    expect(file.requestBody!.content).toHaveProperty('multipart/form-data');
    expect(file.responses).toHaveProperty('201');
  });

  it('says who may call each route: public ones without security, staff ones with the session and roles', () => {
    expect(op('post', '/api/reports').security).toBeUndefined();
    expect(op('post', '/api/reports')['x-roles']).toBe('public');
    const rules = op('delete', '/api/admin/rules/{id}');
    expect(rules.security).toEqual([{ session: [] }]);
    expect(rules['x-roles']).toEqual(['admin']);
    expect(rules.responses).toHaveProperty('403');
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/')))
      for (const [method, o] of Object.entries(ops))
        expect(Object.keys(o.responses).length, `${method} ${path}`).toBeGreaterThan(1);
  });

  it('gives the schema of every JSON success, strict where a leaked field would matter', () => {
    for (const [key, route] of Object.entries(API_ROUTES)) {
      if (route.status === 204 || route.produces || !route.response) continue;
      const [method, path] = key.split(' ') as [string, string];
      const o = op(method.toLowerCase(), path.replace(/:(\w+)/g, '{$1}'));
      const content = (o.responses[String(route.status ?? 200)] as { content: Record<string, { schema: object }> })
        .content;
      expect(Object.keys(content['application/json']!.schema).length, key).toBeGreaterThan(0);
    }
    const user = (op('get', '/api/admin/users').responses['200'] as { content: Record<string, { schema: Json }> })
      .content['application/json']!.schema;
    const item = (user.properties as Record<string, Json>).items!.items as Json;
    expect(item.additionalProperties).toBe(false);
    expect(Object.keys(item.properties as object)).not.toContain('passwordHash');
    const requests = (
      op('get', '/open311/v2/requests.{format}').responses['200'] as { content: Record<string, { schema: Json }> }
    ).content['application/json']!.schema;
    expect((requests.items as Json).additionalProperties).toBe(false);
  });

  it('describes Open311 GeoReport v2 too: every resource in both formats, POST as a form with api_key', () => {
    const open311 = Object.keys(doc.paths).filter((p) => p.startsWith('/open311/v2/'));
    expect(open311.sort()).toEqual(
      [
        '/open311/v2/discovery.{format}',
        '/open311/v2/requests.{format}',
        '/open311/v2/requests/{service_request_id}.{format}',
        '/open311/v2/services.{format}',
        '/open311/v2/services/{service_code}.{format}',
        '/open311/v2/tokens/{token}.{format}',
      ].sort(),
    );
    const post = op('post', '/open311/v2/requests.{format}');
    const form = post.requestBody!.content['application/x-www-form-urlencoded']!.schema as { required: string[] };
    expect(form.required).toEqual(['api_key', 'service_code']);
    expect(post.responses).toHaveProperty('403');
    const format = op('get', '/open311/v2/services.{format}').parameters.find((p) => p.name === 'format')!;
    expect(format.schema.enum).toEqual(['xml', 'json']);
  });
});

import { z } from 'zod';
import { API_ROUTES, type RouteDoc } from '../../../shared/api/routes';
import { accessOf } from '../../../shared/domain/access';
import { ERROR_CODES } from '../../../shared/domain/errors';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema (what a client may send: coercions and defaults as inputs). */
const jsonSchema = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
};

/** A response schema as JSON Schema (what the server sends). */
const outputSchema = (schema: z.ZodType): Json => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Json;
  return rest;
};

const PROBLEM: Json = {
  description: 'A problem (application/problem+json): what is wrong, and where',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

/** `/api/reports/:id` → `/api/reports/{id}`, with the path parameters. */
function pathOf(path: string): { openapi: string; params: Json[] } {
  const params: Json[] = [];
  const openapi = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    params.push({
      name,
      in: 'path',
      required: true,
      schema: name === 'id' ? { type: 'integer', minimum: 1 } : { type: 'string', minLength: 1 },
    });
    return `{${name}}`;
  });
  return { openapi, params };
}

function queryParameters(schema: z.ZodType): Json[] {
  const s = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: 'query',
    required: s.required?.includes(name) ?? false,
    schema: prop,
  }));
}

function operation(key: string, doc: RouteDoc): Json {
  const [method, path] = key.split(' ') as [string, string];
  const access = accessOf(method, path)!;
  const { params } = pathOf(path);
  const op: Json = {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    summary: doc.summary,
    tags: [doc.tag],
    parameters: [...params, ...(doc.query ? queryParameters(doc.query) : [])],
    'x-roles': access === 'public' ? 'public' : [...access],
    responses: {
      [String(doc.status ?? 200)]: {
        description: 'Success',
        ...(doc.status === 204
          ? {}
          : {
              content: {
                [doc.produces ?? 'application/json']: { schema: doc.response ? outputSchema(doc.response) : {} },
              },
            }),
      },
      '400': PROBLEM,
      ...(access === 'public' ? {} : { '401': PROBLEM, '403': PROBLEM }),
      ...(path.includes(':') ? { '404': PROBLEM } : {}),
      ...(doc.body || doc.query || doc.upload ? { '422': PROBLEM } : {}),
    },
  };
  if (access !== 'public') op.security = [{ session: [] }];
  if (doc.body) {
    const content: Json = { 'application/json': { schema: jsonSchema(doc.body) } };
    if (doc.multipart)
      content['multipart/form-data'] = {
        schema: {
          type: 'object',
          description: `The JSON fields as form fields (nested ones as \`contact.name\`), plus up to ${doc.multipart.maxFiles} image files named \`${doc.multipart.files}\`.`,
        },
      };
    op.requestBody = { required: true, content };
  } else if (doc.upload) {
    op.requestBody = { required: true, content: { [doc.upload]: { schema: { type: 'object' } } } };
  }
  return op;
}

/**
 * The OpenAPI 3.1 document of the native HTTP API: every route of `shared/api/routes.ts` with its
 * parameters and bodies as JSON Schema from the same zod schemas the handlers validate with, the
 * roles from the access table (`x-roles`), and the problem+json error shape with its codes.
 */
export function buildOpenApi(extraPaths: Json = {}): Json {
  const paths: Record<string, Json> = {};
  for (const [key, doc] of Object.entries(API_ROUTES)) {
    const [method, path] = key.split(' ') as [string, string];
    const { openapi } = pathOf(path);
    paths[openapi] = { ...paths[openapi], [method.toLowerCase()]: operation(key, doc) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Beacon IOC API',
      version: '1',
      description:
        'Residents file and follow reports; staff triage and resolve them; leaders read the statistics. ' +
        'Errors are application/problem+json. Other systems can also use Open311 GeoReport v2 under /open311/v2.',
    },
    servers: [{ url: '/' }],
    tags: ['public', 'residents', 'staff', 'statistics', 'administration', 'open311'].map((name) => ({ name })),
    paths: { ...paths, ...extraPaths },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'beacon_sid' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string', enum: Object.keys(ERROR_CODES) },
            detail: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}

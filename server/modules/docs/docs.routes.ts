import type { FastifyInstance } from 'fastify';
import { buildOpenApi } from './openapi';

/** `GET /api/docs`: the OpenAPI document of the HTTP API, built once at start. */
export function docsRoutes(app: FastifyInstance, extraPaths: Record<string, unknown> = {}): void {
  let doc: string | undefined;
  app.get('/api/docs', async (_request, reply) => {
    doc ??= JSON.stringify(buildOpenApi(extraPaths));
    return reply.type('application/json; charset=utf-8').send(doc);
  });
}

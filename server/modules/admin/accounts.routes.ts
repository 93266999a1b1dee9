import type { FastifyInstance } from 'fastify';
import { ApiKeyInput, UserInput, UserPatch } from '../../../shared/schemas/admin';
import { parseInput } from '../../domain/app-error';
import type { AdminServices } from './admin';
import { actorOf, byId, idParam, recordRoutes } from './admin.routes';

/** Staff accounts and the API keys of other systems. */
export function accountsRoutes(app: FastifyInstance, admin: AdminServices): void {
  recordRoutes(app, '/api/admin/users', admin.users, { input: UserInput, patch: UserPatch, what: 'user', key: byId });
  app.delete('/api/admin/users/:id/totp', async (request) => admin.users.resetTotp(actorOf(request), idParam(request)));

  app.get('/api/admin/api-keys', async () => admin.apiKeys.list());
  app.post('/api/admin/api-keys', async (request, reply) =>
    reply.code(201).send(admin.apiKeys.create(actorOf(request), parseInput(ApiKeyInput, request.body, 'API key'))),
  );
  app.delete('/api/admin/api-keys/:id', async (request) => admin.apiKeys.revoke(actorOf(request), idParam(request)));
}

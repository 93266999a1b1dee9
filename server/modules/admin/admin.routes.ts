import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AuditQuery,
  CalendarSettings,
  CategoryInput,
  CategoryPatch,
  RuleInput,
  RulePatch,
  RuleTestInput,
  TemplateInput,
  TemplatePatch,
  TemplatesQuery,
  UnitInput,
  UnitPatch,
} from '../../../shared/schemas/admin';
import { AppError, parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { AuditActor } from './admin.context';
import type { AdminServices } from './admin';

/** Default largest configuration file: detailed ward boundaries make it far bigger than other bodies. */
export const CONFIG_MAX_BYTES = 100 * 1024 * 1024;

/** The signed-in admin as the audit log names them. */
export function actorOf(request: FastifyRequest): AuditActor {
  const user = requireUser(request);
  return { id: user.id, name: user.username };
}

/** The `:id` of the path, or a 404 when it is not one. */
export function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (id < 1) throw new AppError('not_found', `"${raw}" is not an id.`);
  return id;
}

/**
 * Units, categories, routing rules (and their test), reply templates, calendar, audit log, config file.
 * A config file may be as large as an area import (`AREA_IMPORT_MAX_MB`): it carries the boundaries.
 */
export function adminRoutes(app: FastifyInstance, admin: AdminServices, configMaxBytes = CONFIG_MAX_BYTES): void {
  app.get('/api/admin/units', async () => admin.units.list());
  app.post('/api/admin/units', async (request, reply) =>
    reply.code(201).send(admin.units.create(actorOf(request), parseInput(UnitInput, request.body, 'unit'))),
  );
  app.patch('/api/admin/units/:id', async (request) =>
    admin.units.patch(actorOf(request), idParam(request), parseInput(UnitPatch, request.body, 'unit')),
  );

  app.get('/api/admin/categories', async () => admin.categories.list());
  app.post('/api/admin/categories', async (request, reply) =>
    reply
      .code(201)
      .send(admin.categories.create(actorOf(request), parseInput(CategoryInput, request.body, 'category'))),
  );
  app.patch('/api/admin/categories/:code', async (request) =>
    admin.categories.patch(
      actorOf(request),
      (request.params as { code: string }).code,
      parseInput(CategoryPatch, request.body, 'category'),
    ),
  );

  app.get('/api/admin/rules', async () => admin.rules.list());
  app.post('/api/admin/rules', async (request, reply) =>
    reply.code(201).send(admin.rules.create(actorOf(request), parseInput(RuleInput, request.body, 'rule'))),
  );
  app.patch('/api/admin/rules/:id', async (request) =>
    admin.rules.patch(actorOf(request), idParam(request), parseInput(RulePatch, request.body, 'rule')),
  );
  app.delete('/api/admin/rules/:id', async (request, reply) => {
    admin.rules.remove(actorOf(request), idParam(request));
    return reply.code(204).send();
  });
  app.post('/api/admin/rules/test', async (request) =>
    admin.rules.test(parseInput(RuleTestInput, request.body, 'point')),
  );

  app.get('/api/templates', async (request) =>
    admin.templates.forStaff(parseInput(TemplatesQuery, request.query, 'query')),
  );
  app.get('/api/admin/templates', async () => admin.templates.list());
  app.post('/api/admin/templates', async (request, reply) =>
    reply.code(201).send(admin.templates.create(actorOf(request), parseInput(TemplateInput, request.body, 'template'))),
  );
  app.patch('/api/admin/templates/:id', async (request) =>
    admin.templates.patch(actorOf(request), idParam(request), parseInput(TemplatePatch, request.body, 'template')),
  );
  app.delete('/api/admin/templates/:id', async (request, reply) => {
    admin.templates.remove(actorOf(request), idParam(request));
    return reply.code(204).send();
  });

  app.get('/api/admin/calendar', async () => admin.calendar.current());
  app.put('/api/admin/calendar', async (request) =>
    admin.calendar.update(actorOf(request), parseInput(CalendarSettings, request.body, 'calendar')),
  );

  app.get('/api/admin/audit', async (request) => admin.audit.list(parseInput(AuditQuery, request.query, 'query')));

  app.get('/api/admin/config', async (_request, reply) => {
    const file = admin.configExport.export();
    const day = file.exportedAt!.slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="beacon-ioc-config-${day}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(file, null, 2));
  });
  app.post('/api/admin/config', { bodyLimit: configMaxBytes }, async (request) =>
    admin.configImport.import(actorOf(request), request.body),
  );
}

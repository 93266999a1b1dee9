import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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

/** The `:code` of the path. */
const codeParam = (request: FastifyRequest): string => (request.params as { code: string }).code;

/** A service administering one kind of record, each found by its key (an id or a code). */
interface RecordService<K, In, Patch> {
  list(): unknown;
  create(actor: AuditActor, input: In): unknown;
  patch(actor: AuditActor, key: K, patch: Patch): unknown;
  remove?(actor: AuditActor, key: K): void;
}

/** How `recordRoutes` reads bodies and keys. */
interface RecordRouteOptions<K, In extends z.ZodType, Patch extends z.ZodType> {
  input: In;
  patch: Patch;
  /** What a body is called in its 422 (`The unit has 2 invalid field(s) ...`). */
  what: string;
  /** The path parameter naming one record, and how to read it (404 when it cannot name one). */
  key: { param: ':id' | ':code'; of: (request: FastifyRequest) => K };
  /** Whether records can be deleted (`DELETE`, 204). */
  remove?: boolean;
}

/** `GET url` lists, `POST url` creates (201), `PATCH url/:key` changes one record, `DELETE url/:key` deletes it. */
export function recordRoutes<K, In extends z.ZodType, Patch extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  service: RecordService<K, z.output<In>, z.output<Patch>>,
  options: RecordRouteOptions<K, In, Patch>,
): void {
  const { what, key } = options;
  app.get(url, async () => service.list());
  app.post(url, async (request, reply) =>
    reply.code(201).send(await service.create(actorOf(request), parseInput(options.input, request.body, what))),
  );
  app.patch(`${url}/${key.param}`, async (request) =>
    service.patch(actorOf(request), key.of(request), parseInput(options.patch, request.body, what)),
  );
  if (options.remove)
    app.delete(`${url}/${key.param}`, async (request, reply) => {
      service.remove!(actorOf(request), key.of(request));
      return reply.code(204).send();
    });
}

/** Records found by their numeric id. */
export const byId = { param: ':id', of: idParam } as const;

/**
 * Units, categories, routing rules (and their test), reply templates, calendar, audit log, config file.
 * A config file may be as large as an area import (`AREA_IMPORT_MAX_MB`): it carries the boundaries.
 */
export function adminRoutes(app: FastifyInstance, admin: AdminServices, configMaxBytes = CONFIG_MAX_BYTES): void {
  recordRoutes(app, '/api/admin/units', admin.units, { input: UnitInput, patch: UnitPatch, what: 'unit', key: byId });
  recordRoutes(app, '/api/admin/categories', admin.categories, {
    input: CategoryInput,
    patch: CategoryPatch,
    what: 'category',
    key: { param: ':code', of: codeParam },
  });

  recordRoutes(app, '/api/admin/rules', admin.rules, {
    input: RuleInput,
    patch: RulePatch,
    what: 'rule',
    key: byId,
    remove: true,
  });
  app.post('/api/admin/rules/test', async (request) =>
    admin.rules.test(parseInput(RuleTestInput, request.body, 'point')),
  );

  app.get('/api/templates', async (request) =>
    admin.templates.forStaff(parseInput(TemplatesQuery, request.query, 'query')),
  );
  recordRoutes(app, '/api/admin/templates', admin.templates, {
    input: TemplateInput,
    patch: TemplatePatch,
    what: 'template',
    key: byId,
    remove: true,
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

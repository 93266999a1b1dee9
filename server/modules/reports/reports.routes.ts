import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LIMITS } from '../../../shared/domain/limits';
import {
  CreateReportInput,
  ListReportsQuery,
  SetLocationInput,
  TransitionInput,
} from '../../../shared/schemas/reports';
import { AppError, parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import { readBody } from '../../plugins/multipart';
import type { ReportsService } from './reports.service';
import { DEVICE_ID_HEADER, deviceIdOf } from '../spam/sender';

export const IdParam = z.object({ id: z.coerce.number().int().positive('must be a positive integer') });

/** The Idempotency-Key header, checked; undefined when absent. */
export function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > LIMITS.idempotencyKeyMax) {
    throw new AppError(
      'bad_request',
      `The Idempotency-Key header must be 1 to ${LIMITS.idempotencyKeyMax} characters.`,
      [{ path: 'Idempotency-Key', message: 'is empty or too long' }],
    );
  }
  return key;
}

/** Filing reports (JSON or multipart with photos), and the staff list, detail, actions and placing. */
export function reportsRoutes(app: FastifyInstance, reports: ReportsService): void {
  app.post('/api/reports', async (request, reply) => {
    const { body, files } = await readBody(request);
    const input = parseInput(CreateReportInput, body, 'report');
    const key = idempotencyKey(request.headers['idempotency-key']);
    const actor = request.user ? { user: request.user } : undefined;
    // Who sent it: the app's device id and the network address (hashed; for "block this sender").
    const sender = { deviceId: deviceIdOf(request.headers[DEVICE_ID_HEADER]), address: request.ip };
    const { result, replayed } = await reports.create(input, { idempotencyKey: key, actor, photos: files, sender });
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.code(201).send(result);
  });

  app.get('/api/reports', async (request) => {
    const user = requireUser(request);
    return reports.list(user, parseInput(ListReportsQuery, request.query, 'query'));
  });

  app.get('/api/reports/:id', async (request) => {
    const user = requireUser(request);
    return reports.get(user, parseInput(IdParam, request.params, 'path').id);
  });

  app.post('/api/reports/:id/transitions', async (request) => {
    const user = requireUser(request);
    const { id } = parseInput(IdParam, request.params, 'path');
    // JSON, or multipart with the same fields and the after-photo(s) under `photos`.
    const { body, files } = await readBody(request);
    return reports.transition(user, id, parseInput(TransitionInput, body, 'action'), files);
  });

  app.post('/api/reports/:id/location', async (request) => {
    const user = requireUser(request);
    const { id } = parseInput(IdParam, request.params, 'path');
    return reports.setLocation(user, id, parseInput(SetLocationInput, request.body, 'location'));
  });
}

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CorrectionInput, InternalNoteInput, SetPriorityInput } from '../../../shared/schemas/ioc';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { AuthUser } from '../auth/auth.service';
import type { TriageService } from './triage.service';

const IdParam = z.object({ id: z.coerce.number().int().positive('must be a positive integer') });

/** The IOC's corrections: priority, internal notes, category and location. */
export function triageRoutes(app: FastifyInstance, triage: TriageService): void {
  // Each is `POST /api/reports/:id/<name>` with a body, answered by one service call.
  const action = <S extends z.ZodType>(
    name: string,
    schema: S,
    call: (user: AuthUser, id: number, input: z.output<S>) => unknown,
  ) =>
    app.post(`/api/reports/:id/${name}`, async (request) => {
      const user = requireUser(request);
      return call(user, parseInput(IdParam, request.params, 'path').id, parseInput(schema, request.body, name));
    });
  action('priority', SetPriorityInput, (user, id, input) => triage.setPriority(user, id, input));
  action('notes', InternalNoteInput, (user, id, input) => triage.addNote(user, id, input));
  action('correction', CorrectionInput, (user, id, input) => triage.correct(user, id, input));
}

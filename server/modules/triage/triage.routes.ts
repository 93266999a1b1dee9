import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CorrectionInput, InternalNoteInput, SetPriorityInput } from '../../../shared/schemas/ioc';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { TriageService } from './triage.service';

const IdParam = z.object({ id: z.coerce.number().int().positive('must be a positive integer') });

/** The IOC's corrections: priority, internal notes, category and location. */
export function triageRoutes(app: FastifyInstance, triage: TriageService): void {
  app.post('/api/reports/:id/priority', async (request) => {
    const user = requireUser(request);
    return triage.setPriority(
      user,
      parseInput(IdParam, request.params, 'path').id,
      parseInput(SetPriorityInput, request.body, 'priority'),
    );
  });
  app.post('/api/reports/:id/notes', async (request) => {
    const user = requireUser(request);
    return triage.addNote(
      user,
      parseInput(IdParam, request.params, 'path').id,
      parseInput(InternalNoteInput, request.body, 'note'),
    );
  });
  app.post('/api/reports/:id/correction', async (request) => {
    const user = requireUser(request);
    return triage.correct(
      user,
      parseInput(IdParam, request.params, 'path').id,
      parseInput(CorrectionInput, request.body, 'correction'),
    );
  });
}

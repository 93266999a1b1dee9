import type { FastifyInstance } from 'fastify';
import { BlockSenderInput } from '../../../shared/schemas/review';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import { IdParam } from '../reports/reports.routes';
import type { ReviewService } from './review.service';

/** The IOC's review queue of held reports, and blocking senders. */
export function reviewRoutes(app: FastifyInstance, review: ReviewService): void {
  const id = (params: unknown) => parseInput(IdParam, params, 'path').id;

  app.get('/api/review', async (request) => {
    requireUser(request);
    return review.list();
  });
  app.post('/api/review/:id/release', async (request, reply) =>
    reply.code(201).send(await review.release(requireUser(request), id(request.params))),
  );
  app.post('/api/review/:id/discard', async (request, reply) => {
    await review.discard(requireUser(request), id(request.params));
    return reply.code(204).send();
  });
  app.post('/api/review/:id/block-sender', async (request) =>
    review.blockHeldSender(
      requireUser(request),
      id(request.params),
      parseInput(BlockSenderInput, request.body ?? {}, 'block'),
    ),
  );
  app.post('/api/reports/:id/block-sender', async (request) =>
    review.blockReportSender(
      requireUser(request),
      id(request.params),
      parseInput(BlockSenderInput, request.body ?? {}, 'block'),
    ),
  );
  app.get('/api/blocked-senders', async (request) => {
    requireUser(request);
    return review.blocks();
  });
  app.delete('/api/blocked-senders/:id', async (request, reply) => {
    review.lift(requireUser(request), id(request.params));
    return reply.code(204).send();
  });
}

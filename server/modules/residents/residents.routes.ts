import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  NearbyQuery,
  RatingInput,
  RESIDENT_TOKEN_HEADER,
  ResidentActionInput,
  ResidentCommentInput,
} from '../../../shared/schemas/reports';
import { parseInput } from '../../domain/app-error';
import { readBody } from '../../plugins/multipart';
import { idempotencyKey } from '../reports/reports.routes';
import type { ResidentsService } from './residents.service';

const CodeParam = z.object({ code: z.string().min(1).max(40) });
const code = (request: FastifyRequest) => parseInput(CodeParam, request.params, 'path').code;
const token = (request: FastifyRequest) => {
  const h = request.headers[RESIDENT_TOKEN_HEADER];
  return Array.isArray(h) ? h[0] : h;
};

/** The resident side, by tracking code: follow, comment, rate, reopen; and duplicates before filing. */
export function residentsRoutes(app: FastifyInstance, residents: ResidentsService): void {
  app.get('/api/track/:code', async (request) => residents.track(code(request)));

  app.get('/api/reports/nearby', async (request) => residents.nearby(parseInput(NearbyQuery, request.query, 'query')));

  app.post('/api/track/:code/follow', async (request) =>
    residents.follow(code(request), idempotencyKey(request.headers['idempotency-key'])),
  );

  app.post('/api/track/:code/comments', async (request) => {
    const { body, files } = await readBody(request);
    return residents.comment(code(request), token(request), parseInput(ResidentCommentInput, body, 'comment'), files);
  });

  app.post('/api/track/:code/rating', async (request) =>
    residents.rate(code(request), token(request), parseInput(RatingInput, request.body, 'rating')),
  );

  app.post('/api/track/:code/actions', async (request) =>
    residents.act(code(request), token(request), parseInput(ResidentActionInput, request.body, 'action')),
  );
}

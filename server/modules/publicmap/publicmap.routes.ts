import type { FastifyInstance } from 'fastify';
import { PublicMapQuery } from '../../../shared/schemas/reports';
import { parseInput } from '../../domain/app-error';
import type { PublicMapService } from './publicmap.service';

/** The public map's features for a viewport (anyone, no personal data). */
export function publicMapRoutes(app: FastifyInstance, map: PublicMapService): void {
  app.get('/api/map', async (request) => map.features(parseInput(PublicMapQuery, request.query, 'query')));
}

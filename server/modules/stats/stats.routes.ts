import type { FastifyInstance } from 'fastify';
import { StatsQuery } from '../../../shared/schemas/stats';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { StatsService } from './stats.service';

/** Leaders' statistics (also open to the IOC and admins). */
export function statsRoutes(app: FastifyInstance, stats: StatsService): void {
  app.get('/api/stats/summary', async (request) => {
    const user = requireUser(request);
    // A unit's leader sees that unit's figures only.
    const scope = user.role === 'leader' && user.unitId !== null ? { unitId: user.unitId } : {};
    return stats.summary(parseInput(StatsQuery, request.query, 'query'), scope);
  });
}

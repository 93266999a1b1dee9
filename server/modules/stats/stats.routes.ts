import type { FastifyInstance } from 'fastify';
import { StatsOverviewQuery, StatsQuery } from '../../../shared/schemas/stats';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import type { AsyncStatsReads } from './stats.reads';
import type { StatsService } from './stats.service';

/** Leaders' statistics (also open to the IOC and admins). */
export function statsRoutes(app: FastifyInstance, stats: StatsService, reads: AsyncStatsReads): void {
  app.get('/api/stats/summary', async (request) => {
    const user = requireUser(request);
    // A unit's leader sees that unit's figures only.
    const scope = user.role === 'leader' && user.unitId !== null ? { unitId: user.unitId } : {};
    return stats.summary(parseInput(StatsQuery, request.query, 'query'), scope);
  });

  app.get('/api/stats/overview', async (request) => {
    const user = requireUser(request);
    // The same scoping as the summary: a unit's leader sees that unit's figures only, whatever the URL says.
    const scope = user.role === 'leader' && user.unitId !== null ? { unitId: user.unitId } : {};
    return reads.overview(parseInput(StatsOverviewQuery, request.query, 'query'), scope);
  });
}

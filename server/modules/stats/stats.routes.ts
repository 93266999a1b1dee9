import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StatsOverviewQuery, StatsPeriodQuery, StatsQuery, StatsReportsQuery } from '../../../shared/schemas/stats';
import { parseInput } from '../../domain/app-error';
import { requireUser } from '../../plugins/auth';
import { exportFileName, georeportCsv } from './stats.export';
import type { AsyncStatsReads } from './stats.reads';
import type { StatsScope } from './stats.repository';
import type { StatsService } from './stats.service';

/** A unit's leader sees that unit's figures and reports only, whatever the URL says. */
function scopeOf(request: FastifyRequest): StatsScope {
  const user = requireUser(request);
  return user.role === 'leader' && user.unitId !== null ? { unitId: user.unitId } : {};
}

/** Leaders' statistics (also open to the IOC and admins). */
export function statsRoutes(app: FastifyInstance, stats: StatsService, reads: AsyncStatsReads): void {
  app.get('/api/stats/summary', async (request) => {
    const scope = scopeOf(request);
    return stats.summary(parseInput(StatsQuery, request.query, 'query'), scope);
  });

  app.get('/api/stats/overview', async (request) => {
    const scope = scopeOf(request);
    return reads.overview(parseInput(StatsOverviewQuery, request.query, 'query'), scope);
  });

  // The reports behind one figure of the overview, a page at a time.
  app.get('/api/stats/reports', async (request) => {
    const scope = scopeOf(request);
    return reads.reports(parseInput(StatsReportsQuery, request.query, 'query'), scope);
  });

  app.get('/api/stats/heatmap', async (request) => {
    const scope = scopeOf(request);
    return reads.heatmap(parseInput(StatsPeriodQuery, request.query, 'query'), scope);
  });

  // GeoReport v2 rows of the reports created in the period, streamed as a CSV download.
  app.get('/api/stats/export.csv', async (request, reply) => {
    const scope = scopeOf(request);
    const q = parseInput(StatsPeriodQuery, request.query, 'query');
    // HEAD runs this handler too: answer the headers without reading (and draining) the whole export.
    // The first page is read before the headers are set, so a failure is a plain problem+json answer.
    const body = request.method === 'HEAD' ? undefined : await georeportCsv(reads, q, scope);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${exportFileName(q)}"`)
      .header('Cache-Control', 'no-store')
      .send(body);
  });
}

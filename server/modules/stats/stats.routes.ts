import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
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

/** A GET answered by one read, for the caller's scope (checked first) and the parsed query string. */
function getScoped<S extends z.ZodType>(
  app: FastifyInstance,
  url: string,
  schema: S,
  read: (query: z.output<S>, scope: StatsScope) => unknown,
): void {
  app.get(url, async (request) => {
    const scope = scopeOf(request);
    return read(parseInput(schema, request.query, 'query'), scope);
  });
}

/** Leaders' statistics (also open to the IOC and admins). */
export function statsRoutes(app: FastifyInstance, stats: StatsService, reads: AsyncStatsReads): void {
  getScoped(app, '/api/stats/summary', StatsQuery, (q, scope) => stats.summary(q, scope));
  getScoped(app, '/api/stats/overview', StatsOverviewQuery, (q, scope) => reads.overview(q, scope));
  // The reports behind one figure of the overview, a page at a time.
  getScoped(app, '/api/stats/reports', StatsReportsQuery, (q, scope) => reads.reports(q, scope));
  getScoped(app, '/api/stats/heatmap', StatsPeriodQuery, (q, scope) => reads.heatmap(q, scope));

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

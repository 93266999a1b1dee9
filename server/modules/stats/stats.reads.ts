import type { StatsOverview, StatsOverviewQuery } from '../../../shared/schemas/stats';
import type { Db } from '../../db/client';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';
import type { StatsScope } from './stats.repository';

/**
 * Every read behind the leaders' pages, as synchronous calls on one database connection. The server
 * runs them in a worker thread on its own read-only connection (`server/workers/stats.worker.ts`), so
 * a leader's query never holds the event loop that takes residents' reports; tests with an in-memory
 * database run them in process. Arguments and results must survive structured cloning (plain data).
 */
export interface StatsReads {
  overview(q: StatsOverviewQuery, scope: StatsScope): StatsOverview;
}

/** The names of the reads, for the worker's dispatch. */
export type StatsReadName = keyof StatsReads;

/** The same reads, answered asynchronously (by the worker, or in process). */
export type AsyncStatsReads = {
  [K in StatsReadName]: (...args: Parameters<StatsReads[K]>) => Promise<ReturnType<StatsReads[K]>>;
};

/** The reads on a connection. */
export function createStatsReads(db: Db): StatsReads {
  const overview = new OverviewService(new OverviewRepository(db));
  return {
    overview: (q, scope) => overview.overview(q, scope),
  };
}

/** The reads answered in process (in-memory databases, tests): same results, on the calling thread. */
export function inProcessStatsReads(reads: StatsReads): AsyncStatsReads {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(reads) as StatsReadName[]) {
    const fn = reads[name] as (...args: unknown[]) => unknown;
    out[name] = async (...args) => fn(...args);
  }
  return out as AsyncStatsReads;
}

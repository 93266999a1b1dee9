import type {
  StatsHeatmap,
  StatsOverview,
  StatsOverviewQuery,
  StatsPeriodQuery,
  StatsReportPage,
  StatsReportsQuery,
} from '../../../shared/schemas/stats';
import type { Db } from '../../db/client';
import { DrilldownRepository } from './drilldown.repository';
import { DrilldownService, type StatsExportPage } from './drilldown.service';
import { OverviewService } from './overview.service';
import { modelOverviewSource } from './stats-model';
import type { StatsScope } from './stats.repository';

/**
 * Every read behind the leaders' pages, as synchronous calls on one database connection. The server
 * runs them in a worker thread on its own read-only connection (`server/workers/stats.worker.ts`), so
 * a leader's query never holds the event loop that takes residents' reports; tests with an in-memory
 * database run them in process. Arguments and results must survive structured cloning (plain data).
 */
export interface StatsReads {
  /** Loads the statistics model ahead of the first question; how many reports it holds. */
  warm(): { reports: number };
  overview(q: StatsOverviewQuery, scope: StatsScope): StatsOverview;
  /** One page of the reports behind a figure, with the figure's total. */
  reports(q: StatsReportsQuery, scope: StatsScope): StatsReportPage;
  /** Reports received in the period on the heat-map grid. */
  heatmap(q: StatsPeriodQuery, scope: StatsScope): StatsHeatmap;
  /** Up to `limit` GeoReport CSV records of the export after the report `afterId` (0: the first page). */
  exportPage(q: StatsPeriodQuery, scope: StatsScope, afterId: number, limit: number): StatsExportPage;
}

/** The names of the reads, for the worker's dispatch. */
export type StatsReadName = keyof StatsReads;

/** The same reads, answered asynchronously (by the worker, or in process). */
export type AsyncStatsReads = {
  [K in StatsReadName]: (...args: Parameters<StatsReads[K]>) => Promise<ReturnType<StatsReads[K]>>;
};

/** The reads on a connection. */
export function createStatsReads(db: Db): StatsReads {
  const source = modelOverviewSource(db);
  const overview = new OverviewService(source);
  const drilldown = new DrilldownService(new DrilldownRepository(db), undefined, source);
  return {
    warm: () => ({ reports: source.warm() }),
    overview: (q, scope) => overview.overview(q, scope),
    reports: (q, scope) => drilldown.reports(q, scope),
    heatmap: (q, scope) => drilldown.heatmap(q, scope),
    exportPage: (q, scope, afterId, limit) => drilldown.exportPage(q, scope, afterId, limit),
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

import { Readable } from 'node:stream';
import type { StatsPeriodQuery } from '../../../shared/schemas/stats';
import { CSV_BOM, csvLine } from '../../domain/csv';
import { GEOREPORT_COLUMNS } from '../../domain/georeport';
import type { AsyncStatsReads } from './stats.reads';
import type { StatsScope } from './stats.repository';

/** Rows fetched per read: a page is built, sent and dropped before the next is read. */
export const EXPORT_PAGE_SIZE = 5_000;

/** `beacon-reports-<from>_<to>.csv`, with the dates as the query wrote them (the leader's local days). */
export function exportFileName(q: StatsPeriodQuery): string {
  return `beacon-reports-${q.from.slice(0, 10)}_${q.to.slice(0, 10)}.csv`;
}

/**
 * The reports created in the period as an RFC 4180 CSV (UTF-8 with a BOM, CRLF), one GeoReport v2
 * request per line. The first page is read before this resolves, so a failing read is still an error
 * answer; the rest are read one at a time as the client takes the bytes (the stream pulls the next
 * page only when the previous one has been consumed), so memory stays at one page whatever the size.
 */
export async function georeportCsv(
  reads: Pick<AsyncStatsReads, 'exportPage'>,
  q: StatsPeriodQuery,
  scope: StatsScope,
  pageSize = EXPORT_PAGE_SIZE,
): Promise<Readable> {
  const first = await reads.exportPage(q, scope, 0, pageSize);
  async function* lines() {
    yield CSV_BOM + csvLine(GEOREPORT_COLUMNS) + first.csv;
    let next = first.nextAfterId;
    while (next !== null) {
      const page = await reads.exportPage(q, scope, next, pageSize);
      if (page.csv !== '') yield page.csv;
      next = page.nextAfterId;
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

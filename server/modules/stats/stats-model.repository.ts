import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { OPENNESS_CHANGE } from '../../db/schema/reports';

/** The columns of a report the statistics read (everything else stays in the database). */
export type ModelReportRow = [
  id: number,
  createdAt: number,
  resolvedAt: number | null,
  dueAt: number,
  ratedAt: number | null,
  rating: number | null,
  status: string,
  unitId: number | null,
  areaCode: string | null,
  areaName: string | null,
  categoryCode: string,
  channel: string,
  lat: number | null,
  lng: number | null,
];

/** An event as the model replays it: which report, when, and the status change if any. */
export type ModelEventRow = [
  id: number,
  reportId: number,
  createdAt: number,
  fromStatus: string | null,
  toStatus: string | null,
];

const COLUMNS =
  'id, created_at, resolved_at, due_at, rated_at, rating, status, unit_id, area_code, area_name, category_code, channel, lat, lng';

/** The reads that fill and refresh the in-memory statistics model; raw rows, iterated, for speed. */
export class StatsModelRepository {
  private readonly eventsAfterQuery;

  constructor(private readonly db: Db) {
    this.eventsAfterQuery = db.$client
      .prepare(
        'select id, report_id, created_at, from_status, to_status from report_events where id > ? order by id limit ?',
      )
      .raw();
  }

  /** The newest event id (the model is current up to it). */
  lastEventId(): number {
    return this.db.get<{ id: number | null }>(sql`select max(id) as id from report_events`)?.id ?? 0;
  }

  /** Every report, in id order. */
  *allReports(): Generator<ModelReportRow> {
    const q = this.db.$client.prepare(`select ${COLUMNS} from reports order by id`);
    yield* q.raw().iterate() as IterableIterator<ModelReportRow>;
  }

  /** The reports with these ids. */
  reportsById(ids: readonly number[]): ModelReportRow[] {
    const out: ModelReportRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(
        ...this.db.$client
          .prepare(`select ${COLUMNS} from reports where id in (${chunk.map(() => '?').join(',')})`)
          .raw()
          .all(...chunk)
          .map((r) => r as ModelReportRow),
      );
    }
    return out;
  }

  /**
   * Up to `lastId`, the events that open or close a report, per report in order (what the backlog at a
   * past instant is rebuilt from), read from the partial index that holds only them.
   */
  *openingsAndClosings(lastId: number): Generator<ModelEventRow> {
    const q = this.db.$client.prepare(`
      select id, report_id, created_at, from_status, to_status from report_events indexed by report_events_openness_idx
      where ${OPENNESS_CHANGE} and id <= ?
      order by report_id, created_at, id`);
    yield* q.raw().iterate(lastId) as IterableIterator<ModelEventRow>;
  }

  /** Events after `afterId` (at most `limit`), in order. */
  eventsAfter(afterId: number, limit: number): ModelEventRow[] {
    return this.eventsAfterQuery.all(afterId, limit) as ModelEventRow[];
  }

  /** Unit names by id (breakdowns and the ranking). */
  unitNames(): Map<number, string> {
    const rows = this.db.all<{ id: number; name: string }>(sql`select id, name_vi as name from units`);
    return new Map(rows.map((u) => [u.id, u.name]));
  }
}

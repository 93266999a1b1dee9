import type { Channel } from '../../../shared/domain/channels';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type {
  StatsHeatmap,
  StatsPeriodQuery,
  StatsReportItem,
  StatsReportPage,
  StatsReportsQuery,
} from '../../../shared/schemas/stats';
import { csvLine } from '../../domain/csv';
import { geoReportValues, toGeoReport } from '../../domain/georeport';
import { binHeatmap, HEAT_MAX_CELLS } from '../../domain/heatmap';
import type { DrilldownRepository, DrilldownRow, StatsFilters } from './drilldown.repository';
import type { StatsModel } from './stats-model';
import type { StatsScope } from './stats.repository';

/**
 * One page of the export: its GeoReport rows already written as CSV records (no header), how many, and
 * the cursor of the next page (null after the last). CSV text rather than row objects, because one
 * string crosses from the stats worker almost for free, whereas cloning and encoding 5,000 objects
 * would cost the main thread some 70 ms per page.
 */
export interface StatsExportPage {
  csv: string;
  rows: number;
  nextAfterId: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The query's filters, a unit's leader held to their unit whatever the URL says. */
function filtersOf(q: StatsPeriodQuery & { bbox?: StatsFilters['bbox'] }, scope: StatsScope): StatsFilters {
  return {
    unitId: scope.unitId ?? q.unitId,
    areaCode: q.areaCode,
    categoryCode: q.categoryCode,
    channel: q.channel,
    bbox: q.bbox,
  };
}

function presentItem(r: DrilldownRow): StatsReportItem {
  return {
    trackingCode: r.trackingCode,
    categoryCode: r.categoryCode,
    status: r.status as ReportStatus,
    priority: r.priority,
    channel: r.channel as Channel,
    areaCode: r.areaCode,
    areaName: r.areaName,
    unitId: r.unitId,
    unitName: r.unitName,
    createdAt: iso(r.createdAt),
    dueAt: iso(r.dueAt),
    resolvedAt: r.resolvedAt === null ? null : iso(r.resolvedAt),
    resolveMinutes: r.resolvedAt === null ? null : (r.resolvedAt - r.createdAt) / 60_000,
    rating: r.rating,
  };
}

/**
 * The reports behind the leaders' figures: the drill-down lists (same definitions as the overview, so
 * a list's `total` is the figure the leader clicked), the heat map of reports received, and the
 * GeoReport export a page at a time. Results are plain data: they cross to the web as JSON and, when
 * run in the stats worker, back to the main thread by structured clone.
 */
export class DrilldownService {
  constructor(
    private readonly repo: DrilldownRepository,
    private readonly maxHeatCells = HEAT_MAX_CELLS,
    /**
     * The statistics model, when there is one: it counts a figure and picks a page's reports (same
     * answers as the SQL, held so by a test, in milliseconds on a million reports) and bins the heat map;
     * the rows of the page still come from the database.
     */
    private readonly model?: Pick<StatsModel, 'heatmap' | 'figurePage'>,
  ) {}

  /** One page of a figure's reports, newest first by the figure's own time, with the figure's total. */
  reports(q: StatsReportsQuery, scope: StatsScope = {}): StatsReportPage {
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    const f = filtersOf(q, scope);
    const offset = (q.page - 1) * q.pageSize;
    let total: number;
    let rows: DrilldownRow[];
    if (this.model) {
      const page = this.model.figurePage(q.figure, from, to, f, offset, q.pageSize);
      total = page.total;
      rows = this.repo.rowsByIds(page.ids);
    } else {
      total = this.repo.count(q.figure, from, to, f);
      rows = this.repo.page(q.figure, from, to, f, q.pageSize, offset);
    }
    return {
      figure: q.figure,
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map(presentItem),
    };
  }

  /** Reports received in the period on the heat-map grid (see `domain/heatmap.ts`), and those without a point. */
  heatmap(q: StatsPeriodQuery, scope: StatsScope = {}): StatsHeatmap {
    const { cells, unlocated } = (this.model ?? this.repo).heatmap(
      Date.parse(q.from),
      Date.parse(q.to),
      filtersOf(q, scope),
    );
    return { ...binHeatmap(cells, this.maxHeatCells), unlocated };
  }

  /**
   * Up to `limit` reports created in the period (every status, merged duplicates too: the export lists
   * what was filed) after the report `afterId` (0 for the first page), as GeoReport CSV records.
   */
  exportPage(q: StatsPeriodQuery, scope: StatsScope, afterId: number, limit: number): StatsExportPage {
    const rows = this.repo.exportPage(Date.parse(q.from), Date.parse(q.to), filtersOf(q, scope), afterId, limit);
    return {
      csv: rows.map((r) => csvLine(geoReportValues(toGeoReport({ ...r, status: r.status as ReportStatus })))).join(''),
      rows: rows.length,
      nextAfterId: rows.length < limit ? null : rows[rows.length - 1]!.id,
    };
  }
}

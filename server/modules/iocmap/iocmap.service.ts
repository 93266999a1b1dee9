import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { Priority } from '../../../shared/domain/channels';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type { DeadlineState, IocSummary, StaffMapFeature } from '../../../shared/schemas/ioc';
import type { Clock } from '../../domain/clock';
import { DEFAULT_CALENDAR, localDate } from '../../domain/working-time';
import type { ReportEventSink } from '../reports/report-writer';
import type { IocMapRepository, WallPoint } from './iocmap.repository';

/** A report counts as "due soon" this long before its deadline. */
export const DUE_SOON_MS = 4 * 3_600_000;

type Props = { p: WallPoint; overdue: number; dueSoon: number };

/** Where a deadline stands at `now`. */
export function deadlineState(dueAt: number, now: number): DeadlineState {
  if (dueAt <= now) return 'overdue';
  return dueAt - now <= DUE_SOON_MS ? 'due_soon' : 'on_time';
}

/**
 * The IOC wall map: every open report, clustered on the server per viewport and zoom (supercluster),
 * each cluster carrying how many of its reports are overdue or due soon. The index is rebuilt after
 * changes (throttled by its own cost) and at least once a minute so deadline colours move with the clock.
 */
export class IocMapService implements ReportEventSink {
  private index: Supercluster<Props, { overdue: number; dueSoon: number }> | null = null;
  private builtAt = 0;
  private lastBuildMs = 0;
  private dirty = true;

  constructor(
    private readonly repo: IocMapRepository,
    private readonly clock: Clock,
  ) {}

  /** Any committed change may add, move or remove an open report. */
  published(): void {
    this.dirty = true;
  }

  /** Builds the cluster index now; returns how many reports it holds. */
  rebuild(): number {
    const started = performance.now();
    const now = this.clock.now();
    const points = this.repo.openPoints();
    const features: PointFeature<Props>[] = points.map((p) => {
      const state = deadlineState(p.dueAt, now);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
        properties: { p, overdue: state === 'overdue' ? 1 : 0, dueSoon: state === 'due_soon' ? 1 : 0 },
      };
    });
    this.index = new Supercluster<Props, { overdue: number; dueSoon: number }>({
      radius: 60,
      // Dense streets stay clustered down to the map's last zooms, so a street view stays small.
      maxZoom: 19,
      map: (props) => ({ overdue: props.overdue, dueSoon: props.dueSoon }),
      reduce: (acc, props) => {
        acc.overdue += props.overdue;
        acc.dueSoon += props.dueSoon;
      },
    }).load(features);
    this.lastBuildMs = performance.now() - started;
    this.builtAt = now;
    this.dirty = false;
    return points.length;
  }

  private current() {
    const now = this.clock.now();
    // Rebuilding is the costly part: after a change, rebuild at once unless the last build was slow,
    // then wait twice its cost, so rebuilding never takes more than a third of the time.
    const stale = (this.dirty && now - this.builtAt >= 2 * this.lastBuildMs) || now - this.builtAt >= 60_000;
    if (!this.index || stale) this.rebuild();
    return this.index!;
  }

  /** Clusters and single reports in a viewport at a zoom. */
  features(query: { bbox: number[]; zoom: number }): StaffMapFeature[] {
    const index = this.current();
    const now = this.clock.now();
    const [minLng, minLat, maxLng, maxLat] = query.bbox as [number, number, number, number];
    return index.getClusters([minLng, minLat, maxLng, maxLat], query.zoom).map((f): StaffMapFeature => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as (ClusterProperties & { overdue: number; dueSoon: number }) | Props;
      if ('cluster' in props && props.cluster) {
        const id = props.cluster_id;
        return {
          type: 'cluster',
          id,
          lat,
          lng,
          count: props.point_count,
          overdue: props.overdue,
          dueSoon: props.dueSoon,
          expansionZoom: index.getClusterExpansionZoom(id),
        };
      }
      const p = (props as Props).p;
      return {
        type: 'report',
        id: p.id,
        trackingCode: p.trackingCode,
        lat,
        lng,
        status: p.status as ReportStatus,
        priority: p.priority as Priority,
        categoryCode: p.categoryCode,
        deadline: deadlineState(p.dueAt, now),
      };
    });
  }

  /** The wall's headline counters. */
  summary(): IocSummary {
    const now = this.clock.now();
    const today = localDate(now, DEFAULT_CALENDAR);
    const midnight = Date.parse(`${today}T00:00:00+07:00`);
    const s = this.repo.summary(midnight, now, now - 30 * 86_400_000);
    return {
      today: s.today,
      open: s.open,
      overdue: s.overdue,
      onTimeRate: s.resolved > 0 ? s.onTime / s.resolved : null,
    };
  }
}

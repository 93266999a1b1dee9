import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import type { Priority } from '../../../shared/domain/channels';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type { DeadlineState, IocSummary, StaffMapFeature } from '../../../shared/schemas/ioc';
import type { Clock } from '../../domain/clock';
import { DEFAULT_CALENDAR, localDate } from '../../domain/working-time';
import type { AuthUser } from '../auth/auth.service';
import type { ReportEventSink } from '../reports/report-writer';
import { isUnitScoped } from '../reports/reports.policy';
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
 * Whose open reports a wall shows: the whole city (IOC operators, admins, city leaders), or one unit's
 * (a unit's leader, under the same rule as the reports list and detail: `canView`).
 */
export type WallScope = 'city' | { unitId: number | null };

/** The scope a user's wall has. */
export function wallScope(user: AuthUser): WallScope {
  return isUnitScoped(user) ? { unitId: user.unitId } : 'city';
}

type Index = Supercluster<Props, { overdue: number; dueSoon: number }>;

/**
 * The IOC wall map: open reports, clustered on the server per viewport and zoom (supercluster), each
 * cluster carrying how many of its reports are overdue or due soon. The open reports are read after
 * changes (throttled by their own cost) and at least once a minute so deadline colours move with the
 * clock; from each read, one index per scope is built when first asked for (the city's, and each unit's
 * whose leader is watching), since a unit's clusters cannot be cut out of the city's.
 */
export class IocMapService implements ReportEventSink {
  private points: WallPoint[] | null = null;
  private readonly indexes = new Map<string, Index>();
  private builtAt = 0;
  /** What the current read and the indexes built from it cost. */
  private buildMs = 0;
  private dirty = true;

  constructor(
    private readonly repo: IocMapRepository,
    private readonly clock: Clock,
  ) {}

  /** Any committed change may add, move or remove an open report. */
  published(): void {
    this.dirty = true;
  }

  /** Reads the open reports and builds the city's index now; returns how many reports it holds. */
  rebuild(): number {
    this.refresh();
    this.index('city');
    return this.points!.length;
  }

  /** Reads the open reports afresh; every index is then rebuilt when next asked for. */
  private refresh(): void {
    const started = performance.now();
    this.points = this.repo.openPoints();
    this.indexes.clear();
    this.buildMs = performance.now() - started;
    this.builtAt = this.clock.now();
    this.dirty = false;
  }

  /** The index of a scope, built from the current read if it is not yet. */
  private index(scope: WallScope): Index {
    const key = scope === 'city' ? 'city' : `unit:${scope.unitId}`;
    const built = this.indexes.get(key);
    if (built) return built;
    const started = performance.now();
    const now = this.clock.now();
    const points =
      scope === 'city'
        ? this.points!
        : // A unit's reports once dispatched to it, as `canView` has it (one merely proposed is not theirs).
          this.points!.filter((p) => scope.unitId !== null && p.unitId === scope.unitId && p.status !== 'received');
    const features: PointFeature<Props>[] = points.map((p) => {
      const state = deadlineState(p.dueAt, now);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
        properties: { p, overdue: state === 'overdue' ? 1 : 0, dueSoon: state === 'due_soon' ? 1 : 0 },
      };
    });
    const index: Index = new Supercluster<Props, { overdue: number; dueSoon: number }>({
      radius: 60,
      // Dense streets stay clustered down to the map's last zooms, so a street view stays small.
      maxZoom: 19,
      map: (props) => ({ overdue: props.overdue, dueSoon: props.dueSoon }),
      reduce: (acc, props) => {
        acc.overdue += props.overdue;
        acc.dueSoon += props.dueSoon;
      },
    }).load(features);
    this.indexes.set(key, index);
    this.buildMs += performance.now() - started;
    return index;
  }

  private current(scope: WallScope): Index {
    const now = this.clock.now();
    // Rebuilding is the costly part: after a change, rebuild at once unless the last build (the read and
    // every index built from it) was slow, then wait twice its cost, so rebuilding never takes more than
    // a third of the time.
    const stale = (this.dirty && now - this.builtAt >= 2 * this.buildMs) || now - this.builtAt >= 60_000;
    if (!this.points || stale) this.refresh();
    return this.index(scope);
  }

  /** Clusters and single reports in a viewport at a zoom, of the reports this user may see. */
  features(user: AuthUser, query: { bbox: number[]; zoom: number }): StaffMapFeature[] {
    const scope = wallScope(user);
    if (scope !== 'city' && scope.unitId === null) return [];
    const index = this.current(scope);
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

  /** The wall's headline counters, over the same reports as this user's map. */
  summary(user: AuthUser): IocSummary {
    const scope = wallScope(user);
    const unitId = scope === 'city' ? undefined : scope.unitId;
    if (unitId === null) return { today: 0, open: 0, overdue: 0, onTimeRate: null };
    const now = this.clock.now();
    const today = localDate(now, DEFAULT_CALENDAR);
    const midnight = Date.parse(`${today}T00:00:00+07:00`);
    const s = this.repo.summary(midnight, now, now - 30 * 86_400_000, unitId);
    return {
      today: s.today,
      open: s.open,
      overdue: s.overdue,
      onTimeRate: s.resolved > 0 ? s.onTime / s.resolved : null,
    };
  }
}

import Supercluster, { type ClusterProperties, type PointFeature } from 'supercluster';
import { PUBLIC_COORD_DECIMALS } from '../../../shared/domain/limits';
import type { ReportStatus } from '../../../shared/domain/statuses';
import type { PublicMapFeature } from '../../../shared/schemas/reports';
import type { Clock } from '../../domain/clock';
import type { ReportEventSink } from '../reports/report-writer';
import type { MapPoint, PublicMapRepository } from './publicmap.repository';

const RECENT_RESOLVED_MS = 30 * 86_400_000;
const round = (x: number) => Number(x.toFixed(PUBLIC_COORD_DECIMALS));

type Props = { trackingCode: string; status: string; categoryCode: string };

/**
 * The public map: reports in a viewport, clustered for the zoom on the server (supercluster), so a
 * phone receives a few dozen features however many reports there are. One index per filter is kept
 * and dropped when any report changes.
 */
export class PublicMapService implements ReportEventSink {
  private readonly indexes = new Map<string, Supercluster<Props>>();
  /** The configuration the indexes were built under: a category turning sensitive drops them. */
  private builtUnder: object | null = null;

  constructor(
    private readonly repo: PublicMapRepository,
    private readonly clock: Clock,
    private readonly configuration: () => object,
  ) {}

  /** Any committed change may move a point on the public map. */
  published(): void {
    this.indexes.clear();
  }

  /** Clusters and single reports inside `bbox` at `zoom`; coordinates rounded to about 100 m. */
  features(query: {
    bbox: number[];
    zoom: number;
    category?: string[];
    status: 'open' | 'resolved' | 'all';
  }): PublicMapFeature[] {
    const index = this.index(query.status, query.category);
    const [minLng, minLat, maxLng, maxLat] = query.bbox as [number, number, number, number];
    return index.getClusters([minLng, minLat, maxLng, maxLat], query.zoom).map((f): PublicMapFeature => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const p = f.properties as Props | ClusterProperties;
      if ('cluster' in p && p.cluster) {
        const id = p.cluster_id;
        return {
          type: 'cluster',
          id,
          lat: round(lat),
          lng: round(lng),
          count: p.point_count,
          expansionZoom: index.getClusterExpansionZoom(id),
        };
      }
      const r = p as Props;
      return {
        type: 'report',
        trackingCode: r.trackingCode,
        status: r.status as ReportStatus,
        categoryCode: r.categoryCode,
        lat: round(lat),
        lng: round(lng),
      };
    });
  }

  private index(status: 'open' | 'resolved' | 'all', category: string[] | undefined): Supercluster<Props> {
    const config = this.configuration();
    if (config !== this.builtUnder) {
      this.indexes.clear();
      this.builtUnder = config;
    }
    const key = `${status}|${[...(category ?? [])].sort().join(',')}`;
    let index = this.indexes.get(key);
    if (!index) {
      const resolvedSince = status === 'open' ? null : this.clock.now() - RECENT_RESOLVED_MS;
      const points = this.repo
        .points({ open: status !== 'resolved', resolvedSince })
        .filter((p) => !category?.length || category.includes(p.categoryCode));
      // Past zoom 16 every report is its own marker, so a cluster always opens before the map's last zoom.
      index = new Supercluster<Props>({ radius: 60, maxZoom: 16 }).load(points.map(toFeature));
      this.indexes.set(key, index);
    }
    return index;
  }
}

function toFeature(p: MapPoint): PointFeature<Props> {
  // Rounded before clustering too, so no exact position can be recovered from a cluster centre.
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(p.lng), round(p.lat)] },
    properties: { trackingCode: p.trackingCode, status: p.status, categoryCode: p.categoryCode },
  };
}

import type { IocSummary, StaffMapFeature } from '../../../shared/schemas/ioc';
import type { ReportList } from '../../../shared/schemas/reports';
import { reportsApi } from '../../api/endpoints';
import { apiFetch } from '../../api/http';
import { TICKER_MAX } from './ticker';

/** A viewport in degrees. */
export interface WallBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const deg = (v: number) => String(Math.round(v * 1e5) / 1e5);
const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));

/** The `GET /api/ioc/map` query for a viewport and zoom (`bbox=minLng,minLat,maxLng,maxLat&zoom=Z`). */
export function wallMapQuery(b: WallBounds, zoom: number): string {
  const bbox = [clamp(b.west, 180), clamp(b.south, 90), clamp(b.east, 180), clamp(b.north, 90)].map(deg).join(',');
  return `bbox=${bbox}&zoom=${Math.max(0, Math.min(22, Math.round(zoom)))}`;
}

/** The wall's calls: clustered open reports per viewport, headline counters, the newest reports. */
export const wallApi = {
  map: (query: string, signal?: AbortSignal) => apiFetch<StaffMapFeature[]>(`/api/ioc/map?${query}`, { signal }),
  summary: (signal?: AbortSignal) => apiFetch<IocSummary>('/api/ioc/summary', { signal }),
  /** The newest reports (any status) and the event id they are consistent with: the ticker's start. */
  latest: (signal?: AbortSignal): Promise<ReportList> => reportsApi.list({ limit: TICKER_MAX }, signal),
};

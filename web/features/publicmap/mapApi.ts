import type { PublicMapFeature } from '../../../shared/schemas/reports';
import { apiFetch } from '../../api/http';

/** `GET /api/map?…`: the public map's clusters and reports for a viewport (query from `apiQuery`). */
export function fetchMapFeatures(query: string, signal?: AbortSignal): Promise<PublicMapFeature[]> {
  return apiFetch<PublicMapFeature[]>(`/api/map?${query}`, { signal });
}

/** How many reports the features stand for (a cluster counts all of its reports). */
export function countReports(features: readonly PublicMapFeature[]): number {
  return features.reduce((n, f) => n + (f.type === 'cluster' ? f.count : 1), 0);
}

import type { PublicMapFeature } from '../../../shared/schemas/reports';

/** On-screen diameter of a cluster icon by size class. */
export const PX = { s: 34, m: 42, l: 52 } as const;

/** Size class of a cluster: the bigger the count, the bigger the circle. */
export function clusterSize(count: number): 's' | 'm' | 'l' {
  return count < 10 ? 's' : count < 100 ? 'm' : 'l';
}

/** Half the on-screen size of a feature's icon, in pixels. */
function radiusOf(f: PublicMapFeature): number {
  return f.type === 'cluster' ? PX[clusterSize(f.count)] / 2 : 12;
}

/**
 * Folds any feature whose icon would overlap a cluster's into that cluster, so no two touch targets
 * overlap (WCAG 2.5.8). The server clusters by distance from each cluster's first point, so a cluster's
 * centre can drift close to a neighbour; this closes that gap on screen.
 */
export function declutter(
  features: readonly PublicMapFeature[],
  project: (lat: number, lng: number) => { x: number; y: number },
): PublicMapFeature[] {
  const kept: (PublicMapFeature & { px: { x: number; y: number } })[] = [];
  const order = [...features].sort(
    (a, b) => (b.type === 'cluster' ? b.count : 0) - (a.type === 'cluster' ? a.count : 0),
  );
  for (const f of order) {
    const px = project(f.lat, f.lng);
    const host = kept.find(
      (k) => k.type === 'cluster' && Math.hypot(k.px.x - px.x, k.px.y - px.y) < radiusOf(k) + radiusOf(f) + 2,
    );
    if (host && host.type === 'cluster') {
      host.count += f.type === 'cluster' ? f.count : 1;
      if (f.type === 'cluster') host.expansionZoom = Math.min(host.expansionZoom, f.expansionZoom);
      continue;
    }
    kept.push({ ...f, px });
  }
  return kept.map(({ px: _px, ...f }) => f as PublicMapFeature);
}

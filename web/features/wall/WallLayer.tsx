import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import type { StaffMapFeature } from '../../../shared/schemas/ioc';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { wallApi, wallMapQuery } from './wallApi';
import {
  countWallReports,
  WALL_CLUSTER_PX,
  wallClusterHtml,
  wallClusterSize,
  wallMarkerHtml,
  type WallCluster,
  type WallReport,
} from './wallLook';

/** How long the map must rest before it asks for its reports. */
export const WALL_DEBOUNCE_MS = 250;

/** What the wall shows around its map. */
export interface WallMapState {
  /** Open reports in view (clusters count all of theirs); null before the first answer. */
  total: number | null;
  error: unknown;
}

const icons = new Map<string, L.DivIcon>();
function cached(key: string, make: () => L.DivIcon): L.DivIcon {
  let icon = icons.get(key);
  if (!icon) {
    if (icons.size > 5000) icons.clear();
    icon = make();
    icons.set(key, icon);
  }
  return icon;
}

const clusterIcon = (c: WallCluster) =>
  cached(`c|${c.count}|${c.overdue}|${c.dueSoon}`, () => {
    const px = WALL_CLUSTER_PX[wallClusterSize(c.count)];
    return L.divIcon({ className: 'wall-cluster-icon', html: wallClusterHtml(c), iconSize: [px, px] });
  });

const reportIcon = (r: WallReport, statusLabel: string) =>
  cached(`r|${r.trackingCode}|${r.deadline}|${r.status}|${r.priority}|${statusLabel}`, () =>
    L.divIcon({
      className: 'wall-marker-icon',
      html: wallMarkerHtml(r, statusLabel),
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    }),
  );

/**
 * Asks `GET /api/ioc/map` for the viewport after every move or zoom (debounced, the previous request
 * cancelled), and again whenever `refresh` changes (a report was filed or changed, the socket came back).
 */
export function WallLayer({ refresh, onState }: { refresh: number; onState: (s: Partial<WallMapState>) => void }) {
  const { t, name } = useI18n();
  const map = useMap();
  const categories = useCategories();
  const [features, setFeatures] = useState<StaffMapFeature[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const categoryName = useMemo(() => {
    const byCode = new Map((categories.data ?? []).map((c) => [c.code, c.name]));
    return (code: string) => {
      const n = byCode.get(code);
      return n ? name(n) : code;
    };
  }, [categories.data, name]);

  const fetchNow = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    const b = map.getBounds();
    const query = wallMapQuery(
      { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() },
      map.getZoom(),
    );
    wallApi.map(query, ctrl.signal).then(
      (list) => {
        if (ctrl.signal.aborted) return;
        setFeatures(list);
        onState({ total: countWallReports(list), error: null });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) onState({ error });
      },
    );
  }, [map, onState]);

  const later = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(fetchNow, WALL_DEBOUNCE_MS);
  }, [fetchNow]);

  useMapEvents({ moveend: later, zoomend: later });
  // The caller already waited for a quiet moment: ask at once.
  useEffect(() => fetchNow(), [fetchNow, refresh]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  return (
    <>
      {features.map((f) =>
        f.type === 'cluster' ? (
          <Marker
            key={`c${f.id}`}
            position={[f.lat, f.lng]}
            icon={clusterIcon(f)}
            title={t('wall.cluster', { n: f.count, overdue: f.overdue })}
            eventHandlers={{ click: () => map.setView([f.lat, f.lng], Math.min(f.expansionZoom, map.getMaxZoom())) }}
          />
        ) : (
          <Marker
            key={`r${f.id}`}
            position={[f.lat, f.lng]}
            icon={reportIcon(f, t(`status.${f.status}`))}
            title={`${f.trackingCode} · ${categoryName(f.categoryCode)} · ${t(`deadline.${f.deadline}`)}`}
            zIndexOffset={f.deadline === 'overdue' ? 300 : f.deadline === 'due_soon' ? 200 : 0}
          />
        ),
      )}
    </>
  );
}

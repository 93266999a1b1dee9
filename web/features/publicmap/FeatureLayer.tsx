import type { LeafletEventHandlerFnMap } from 'leaflet';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Marker, Popup, useMap, useMapEvents } from 'react-leaflet';
import { Link } from 'react-router-dom';
import type { PublicMapFeature } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/StatusBadge';
import { countReports, fetchMapFeatures } from './mapApi';
import { apiQuery, type MapFilters, type MapView } from './mapQuery';
import { declutter } from './declutter';
import { clusterIcon, reportIcon } from './markers';

/** How long the map must rest before it asks for its reports. */
export const MAP_DEBOUNCE_MS = 250;

/** What the page shows around the map (`count` is null until the first answer). */
export interface FeatureState {
  count: number | null;
  loading: boolean;
  error: unknown;
}

/**
 * Asks `GET /api/map` for the viewport after every move or zoom (debounced, the previous request
 * cancelled) and draws clusters and reports.
 */
export function FeatureLayer({
  filters,
  categoryName,
  onState,
  onView,
}: {
  filters: MapFilters;
  categoryName: (code: string) => string;
  /** Receives what changed: loading starts (the last count stays), or an answer or an error arrives. */
  onState: (state: Partial<FeatureState>) => void;
  onView: (view: MapView) => void;
}) {
  const { t } = useI18n();
  const map = useMap();
  const [features, setFeatures] = useState<PublicMapFeature[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);
  const filtersKey = `${filters.status}|${filters.categories.join(',')}`;

  const load = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      inFlight.current?.abort();
      const ctrl = new AbortController();
      inFlight.current = ctrl;
      const b = map.getBounds();
      const [status, cats] = filtersKey.split('|') as [MapFilters['status'], string];
      const query = apiQuery(
        { west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() },
        map.getZoom(),
        { status, categories: cats ? cats.split(',') : [] },
      );
      onState({ loading: true });
      fetchMapFeatures(query, ctrl.signal).then(
        (list) => {
          if (ctrl.signal.aborted) return;
          // Icons never overlap on screen: a neighbour too close to a cluster joins it.
          setFeatures(declutter(list, (lat, lng) => map.latLngToContainerPoint([lat, lng])));
          onState({ count: countReports(list), loading: false, error: null });
        },
        (error: unknown) => {
          if (ctrl.signal.aborted) return;
          onState({ loading: false, error });
        },
      );
    }, MAP_DEBOUNCE_MS);
  }, [map, filtersKey, onState]);

  useMapEvents({
    moveend: () => {
      const c = map.getCenter();
      onView({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
      load();
    },
    zoomend: load,
  });

  useEffect(() => {
    load();
    return () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    };
  }, [load]);

  const zoomInto = (lat: number, lng: number, zoom: number) => {
    map.setView([lat, lng], Math.min(zoom, map.getMaxZoom()));
    // The cluster disappears once zoomed: keep the keyboard user on the map, not on the page's body.
    map.getContainer().focus({ preventScroll: true });
  };

  return (
    <>
      {features.map((f) => {
        if (f.type === 'cluster') {
          const handlers: LeafletEventHandlerFnMap = {
            click: () => zoomInto(f.lat, f.lng, f.expansionZoom),
            keydown: (e) => {
              const key = (e.originalEvent as KeyboardEvent).key;
              if (key === 'Enter' || key === ' ') {
                e.originalEvent.preventDefault();
                zoomInto(f.lat, f.lng, f.expansionZoom);
              }
            },
          };
          return (
            <Marker
              key={`c${f.id}`}
              position={[f.lat, f.lng]}
              icon={clusterIcon(f.count)}
              title={t('publicMap.cluster', { n: f.count })}
              eventHandlers={handlers}
            />
          );
        }
        const category = categoryName(f.categoryCode);
        return (
          <Marker
            key={`r${f.trackingCode}`}
            position={[f.lat, f.lng]}
            icon={reportIcon(f.trackingCode, f.status)}
            title={t('publicMap.marker', { code: f.trackingCode, category, status: t(`status.${f.status}`) })}
          >
            <Popup autoPanPaddingTopLeft={[12, 72]} autoPanPaddingBottomRight={[12, 12]}>
              <div className="public-popup" data-testid="public-popup">
                <p className="public-popup-category">{category}</p>
                <StatusBadge status={f.status} />
                <p className="public-popup-link">
                  <Link to={`/track/${encodeURIComponent(f.trackingCode)}`} data-testid="public-popup-link">
                    {t('publicMap.track')} <code>{f.trackingCode}</code>
                  </Link>
                </p>
              </div>
            </Popup>
          </Marker>
        );
      })}
    </>
  );
}

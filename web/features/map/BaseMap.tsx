import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MapContainer, TileLayer, useMap, ZoomControl } from 'react-leaflet';
import { runtimeConfig } from '../../app/config';
import { useI18n } from '../../i18n';
import { AreasLayer } from './AreasLayer';
import './map.css';

/** Keeps Leaflet's idea of the map size in step with its box (panels open and close around it). */
function SizeWatcher() {
  const map = useMap();
  useEffect(() => {
    const box = map.getContainer();
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(box);
    return () => observer.disconnect();
  }, [map]);
  return null;
}

/** How many failed tiles, with none loaded, mean "we are offline". */
const OFFLINE_AFTER_ERRORS = 4;

/**
 * The city map: a light background, optional tiles (runtime setting), ward boundaries with names,
 * and whatever layers the caller adds.
 */
export function BaseMap({
  children,
  label,
  className,
  center,
  zoom,
  zoomSnap,
}: {
  children?: ReactNode;
  label: string;
  className?: string;
  center?: [number, number];
  zoom?: number;
  /** Zoom steps (Leaflet's default is 1); a fraction lets `fitBounds` fill a big screen closely. */
  zoomSnap?: number;
}) {
  const { t, lang } = useI18n();
  const [config] = useState(runtimeConfig);
  const [tilesOffline, setTilesOffline] = useState(false);
  const tiles = useRef({ loaded: 0, failed: 0 });

  const onTileError = () => {
    tiles.current.failed += 1;
    if (tiles.current.loaded === 0 && tiles.current.failed >= OFFLINE_AFTER_ERRORS) setTilesOffline(true);
  };
  const onTileLoad = () => {
    tiles.current.loaded += 1;
    setTilesOffline(false);
  };

  return (
    <section className={`map-frame ${className ?? ''}`} aria-label={label}>
      <MapContainer
        center={center ?? config.center}
        zoom={zoom ?? config.zoom}
        className="map"
        scrollWheelZoom
        zoomControl={false}
        {...(zoomSnap !== undefined ? { zoomSnap } : {})}
      >
        {/* Zoom buttons named in the interface language (Leaflet's own say "Zoom in" in English). */}
        <ZoomControl key={lang} position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        {config.tileUrl && (
          <TileLayer
            url={config.tileUrl}
            attribution={config.tileAttribution}
            eventHandlers={{ tileerror: onTileError, tileload: onTileLoad }}
          />
        )}
        <AreasLayer />
        <SizeWatcher />
        {children}
      </MapContainer>
      {tilesOffline && (
        <p className="map-note" role="status">
          {t('map.tilesOffline')}
        </p>
      )}
    </section>
  );
}

import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { markerHtml, type MarkerLook } from './markerStyle';

/**
 * A report marker's icon, cached by look, so a clock tick or an unrelated update does not rebuild every
 * marker. Each map picks its sizes (in px, and when selected) and how many looks it keeps.
 */
export function markerIcons({ size, selectedSize, keep }: { size: number; selectedSize: number; keep: number }) {
  const icons = new Map<string, L.DivIcon>();
  return function iconFor(code: string, look: MarkerLook): L.DivIcon {
    const key = `${code}|${look.status}|${look.priority}|${look.overdue}|${look.fresh}|${look.selected}`;
    let icon = icons.get(key);
    if (!icon) {
      const side = look.selected ? selectedSize : size;
      icon = L.divIcon({
        className: 'report-marker-icon',
        html: markerHtml(code, look),
        iconSize: [side, side],
        iconAnchor: [side / 2, side / 2],
      });
      if (icons.size > keep) icons.clear();
      icons.set(key, icon);
    }
    return icon;
  };
}

/** Brings the selected report into view (pans when it is outside the inner part of the map). */
export function ShowSelected({ report }: { report: { lat: number | null; lng: number | null } | undefined }) {
  const map = useMap();
  const lat = report?.lat;
  const lng = report?.lng;
  useEffect(() => {
    if (lat === undefined || lng === undefined || lat === null || lng === null) return;
    if (!map.getBounds().pad(-0.15).contains([lat, lng])) map.panTo([lat, lng]);
  }, [map, lat, lng]);
  return null;
}

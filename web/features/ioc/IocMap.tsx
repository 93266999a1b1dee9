import L from 'leaflet';
import { useEffect } from 'react';
import { Marker, useMap } from 'react-leaflet';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { mappable } from '../desk/location';
import type { ReportCollectionProps } from '../desk/ReportList';
import { BaseMap } from '../map/BaseMap';
import { PlacementLayer } from './PlacementLayer';
import { markerHtml, markerLook, type MarkerLook } from './markerStyle';

const icons = new Map<string, L.DivIcon>();

/** Icons are cached by look, so a clock tick or an unrelated update does not rebuild every marker. */
function iconFor(code: string, look: MarkerLook): L.DivIcon {
  const key = `${code}|${look.status}|${look.priority}|${look.overdue}|${look.fresh}|${look.selected}`;
  let icon = icons.get(key);
  if (!icon) {
    const size = look.selected ? 30 : 22;
    icon = L.divIcon({
      className: 'report-marker-icon',
      html: markerHtml(code, look),
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
    if (icons.size > 5000) icons.clear();
    icons.set(key, icon);
  }
  return icon;
}

/** Brings the selected report into view when it was chosen from the queue. */
function ShowSelected({ report }: { report: StaffReportView | undefined }) {
  const map = useMap();
  const lat = report?.lat;
  const lng = report?.lng;
  useEffect(() => {
    if (lat === undefined || lng === undefined || lat === null || lng === null) return;
    if (!map.getBounds().pad(-0.15).contains([lat, lng])) map.panTo([lat, lng]);
  }, [map, lat, lng]);
  return null;
}

/**
 * The wall map: one marker per open report, coloured by status, red ring when overdue. Reports not
 * placed yet have no marker (the queue shows them with a "no location" badge).
 */
export default function IocMap({ reports, now, fresh, selectedId, onSelect }: ReportCollectionProps) {
  const { t, name } = useI18n();
  const selected = reports.find((r) => r.id === selectedId);
  return (
    <BaseMap label={t('desk.map')} className="map-desk">
      {mappable(reports).map((r) => (
        <Marker
          key={r.id}
          position={[r.lat, r.lng]}
          icon={iconFor(r.trackingCode, markerLook(r, now, fresh.has(r.id), r.id === selectedId))}
          title={`${r.trackingCode} · ${name(r.category.name)} · ${t(`status.${r.status}`)}`}
          zIndexOffset={r.id === selectedId ? 1000 : fresh.has(r.id) ? 500 : 0}
          eventHandlers={{ click: () => onSelect(r.id) }}
        />
      ))}
      <ShowSelected report={selected} />
      <PlacementLayer />
    </BaseMap>
  );
}

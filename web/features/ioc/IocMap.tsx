import { Marker } from 'react-leaflet';
import { useI18n } from '../../i18n';
import { mappable } from '../desk/location';
import type { ReportCollectionProps } from '../desk/ReportList';
import { BaseMap } from '../map/BaseMap';
import { PlacementLayer } from './PlacementLayer';
import { markerLook } from './markerStyle';
import { markerIcons, ShowSelected } from './reportMarkerIcons';

const iconFor = markerIcons({ size: 22, selectedSize: 30, keep: 5000 });

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

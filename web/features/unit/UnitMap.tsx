import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { Marker, useMap } from 'react-leaflet';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import { mappable, type LocatedReport } from '../desk/location';
import type { ReportCollectionProps } from '../desk/ReportList';
import { markerLook } from '../ioc/markerStyle';
import { markerIcons, ShowSelected } from '../ioc/reportMarkerIcons';
import { BaseMap } from '../map/BaseMap';

/** Larger than the desk's, for fingers. */
const iconFor = markerIcons({ size: 28, selectedSize: 34, keep: 2000 });

/** Frames the unit's reports the first time there are some, then leaves the view to the user. */
function FitReports({ reports }: { reports: readonly LocatedReport<StaffReportView>[] }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || reports.length === 0) return;
    done.current = true;
    if (reports.length === 1) map.setView([reports[0]!.lat, reports[0]!.lng], Math.max(map.getZoom(), 15));
    else map.fitBounds(L.latLngBounds(reports.map((r) => [r.lat, r.lng] as [number, number])).pad(0.15));
  }, [map, reports]);
  return null;
}

/** The unit's queue on the map: one marker per report, coloured by status, ringed red when overdue. */
export default function UnitMap({ reports, now, fresh, selectedId, onSelect }: ReportCollectionProps) {
  const { t, name } = useI18n();
  const located = mappable(reports);
  return (
    <BaseMap label={t('unit.map')} className="map-unit">
      {located.map((r) => (
        <Marker
          key={r.id}
          position={[r.lat, r.lng]}
          icon={iconFor(r.trackingCode, markerLook(r, now, fresh.has(r.id), r.id === selectedId))}
          title={`${r.trackingCode} · ${name(r.category.name)} · ${t(`status.${r.status}`)}`}
          alt={`${r.trackingCode} · ${name(r.category.name)}`}
          zIndexOffset={r.id === selectedId ? 1000 : 0}
          eventHandlers={{ click: () => onSelect(r.id) }}
        />
      ))}
      <FitReports reports={located} />
      <ShowSelected report={located.find((r) => r.id === selectedId)} />
    </BaseMap>
  );
}

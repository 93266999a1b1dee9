import L from 'leaflet';
import { useEffect } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { useAreas } from '../../api/reference';
import { BaseMap } from '../map/BaseMap';
import { areasBounds } from '../map/geo';

const pinIcon = L.divIcon({
  className: 'pin-icon',
  html: '<span class="pin" data-testid="rule-test-pin"></span>',
  iconSize: [30, 42],
  iconAnchor: [15, 41],
});

function ClickToPick({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  useMapEvents({ click: (e) => onPick(e.latlng.lat, e.latlng.lng) });
  return null;
}

/** Opens on today's wards, whatever the configured centre. */
function FitAreas() {
  const map = useMap();
  const { data: areas } = useAreas();
  useEffect(() => {
    const bounds = areas ? areasBounds(areas) : null;
    if (bounds) map.fitBounds(bounds, { padding: [12, 12] });
  }, [map, areas]);
  return null;
}

/** The "test a point" map: today's boundaries with their names; a click chooses the point. */
export default function RuleTestMap({
  point,
  onPick,
  label,
}: {
  point: [number, number] | null;
  onPick: (lat: number, lng: number) => void;
  label: string;
}) {
  return (
    <BaseMap label={label} className="admin-map" zoomSnap={0.25}>
      <FitAreas />
      <ClickToPick onPick={onPick} />
      {point && <Marker position={point} icon={pinIcon} interactive={false} keyboard={false} />}
    </BaseMap>
  );
}

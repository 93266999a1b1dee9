import { useEffect } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { useAreas } from '../../api/reference';
import { BaseMap } from '../map/BaseMap';
import { areasBounds } from '../map/geo';
import { placePinIcon } from './placePin';
import type { Point } from './placement';

/** Takes clicks on the map as the chosen point, and hands out a way to read the map's centre. */
function PickEvents({ onPick, onCenter }: { onPick: (p: Point) => void; onCenter: (read: () => Point) => void }) {
  const map = useMap();
  useMapEvents({ click: (e) => onPick([e.latlng.lat, e.latlng.lng]) });
  useEffect(() => {
    onCenter(() => {
      const c = map.getCenter();
      return [c.lat, c.lng];
    });
  }, [map, onCenter]);
  return null;
}

/** Opens on the report's ward (it was filed by address and ward), so the operator starts close. */
function FitWard({ areaCode }: { areaCode: string | undefined }) {
  const map = useMap();
  const { data: areas } = useAreas();
  useEffect(() => {
    const area = areas?.find((a) => a.code === areaCode);
    const bounds = area ? areasBounds([area]) : null;
    if (bounds) map.fitBounds(bounds, { padding: [8, 8] });
  }, [map, areas, areaCode]);
  return null;
}

/** The panel's small map to place a report: click to choose, a pin on the choice, a cross at the centre. */
export default function PlacerMap({
  point,
  areaCode,
  label,
  onPick,
  onCenter,
}: {
  point: Point | null;
  areaCode: string | undefined;
  label: string;
  onPick: (p: Point) => void;
  /** Receives a function that reads the map's centre (for choosing without a pointer). */
  onCenter: (read: () => Point) => void;
}) {
  return (
    <BaseMap label={label} className="map-placer">
      <FitWard areaCode={areaCode} />
      <PickEvents onPick={onPick} onCenter={onCenter} />
      {point && <Marker position={point} icon={placePinIcon} interactive={false} keyboard={false} />}
    </BaseMap>
  );
}

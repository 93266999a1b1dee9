import { useEffect } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { useSharedPlacement } from '../desk/placement';
import { placePinIcon } from '../desk/placePin';

/** While the panel places a report, a click on the wall map chooses the point too (and shows the pin). */
export function PlacementLayer() {
  const placement = useSharedPlacement();
  const map = useMap();
  const active = placement !== null && placement.reportId !== null;
  useMapEvents({
    click: (e) => {
      if (active) placement.pick([e.latlng.lat, e.latlng.lng]);
    },
  });
  useEffect(() => {
    const box = map.getContainer();
    box.classList.toggle('placing', active);
    return () => box.classList.remove('placing');
  }, [map, active]);
  if (!active || !placement.point) return null;
  return <Marker position={placement.point} icon={placePinIcon} interactive={false} keyboard={false} />;
}

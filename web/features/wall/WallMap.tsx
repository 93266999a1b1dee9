import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { useAreas } from '../../api/reference';
import { BaseMap } from '../map/BaseMap';
import { areasBounds } from '../map/geo';
import { WallLayer, type WallMapState } from './WallLayer';

/** Frames the whole city once its wards are known (a big screen shows all of it). */
function FitCity() {
  const map = useMap();
  const { data: areas } = useAreas();
  const done = useRef(false);
  useEffect(() => {
    const bounds = areas ? areasBounds(areas) : null;
    if (!bounds || done.current) return;
    done.current = true;
    map.fitBounds(bounds, { padding: [24, 24] });
  }, [map, areas]);
  return null;
}

/** The wall's map (lazy-loaded): wards, and the open reports of the viewport, clustered. */
export default function WallMap({
  refresh,
  onState,
  label,
}: {
  refresh: number;
  onState: (s: Partial<WallMapState>) => void;
  /** What the map shows, for screen readers (the city's or a unit's open reports). */
  label: string;
}) {
  return (
    // A quarter-step zoom lets the city fill the screen (the server is asked at the rounded zoom).
    <BaseMap label={label} className="map-wall" zoomSnap={0.25}>
      <FitCity />
      <WallLayer refresh={refresh} onState={onState} />
    </BaseMap>
  );
}

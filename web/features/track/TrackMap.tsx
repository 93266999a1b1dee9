import { Circle } from 'react-leaflet';
import { BaseMap } from '../map/BaseMap';

/** The report's approximate place (the public view is rounded to about 100 m, so a circle, not a pin). */
export default function TrackMap({ lat, lng, label }: { lat: number; lng: number; label: string }) {
  return (
    <BaseMap label={label} className="map-small" center={[lat, lng]} zoom={15}>
      <Circle
        center={[lat, lng]}
        radius={120}
        pathOptions={{ color: '#c2410c', fillColor: '#f97316', fillOpacity: 0.3, weight: 2 }}
      />
    </BaseMap>
  );
}

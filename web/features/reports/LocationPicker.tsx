import L from 'leaflet';
import { useEffect } from 'react';
import { Marker, useMap, useMapEvents } from 'react-leaflet';
import { BaseMap } from '../map/BaseMap';

const PIN = L.divIcon({
  className: 'pin-icon',
  html: '<span class="pin" data-testid="location-pin"></span>',
  iconSize: [30, 42],
  iconAnchor: [15, 42],
});

function PlaceOnTap({ onPick }: { onPick: (lat: number, lng: number) => void }) {
  const map = useMapEvents({
    click: (e) => onPick(e.latlng.lat, e.latlng.lng),
    // Keyboard users pan with the arrows, then Enter drops the pin at the centre.
    keypress: (e) => {
      if (e.originalEvent.key !== 'Enter') return;
      const c = map.getCenter();
      onPick(c.lat, c.lng);
    },
  });
  return null;
}

/** Brings a location set from outside (e.g. geolocation) into view. */
function FollowValue({ value }: { value: [number, number] | null }) {
  const map = useMap();
  const lat = value?.[0];
  const lng = value?.[1];
  useEffect(() => {
    if (lat === undefined || lng === undefined) return;
    if (!map.getBounds().pad(-0.1).contains([lat, lng])) map.setView([lat, lng], Math.max(map.getZoom(), 16));
  }, [map, lat, lng]);
  return null;
}

/** A map where a tap (or dragging the pin) chooses the problem's location. */
export default function LocationPicker({
  value,
  onChange,
  label,
}: {
  value: [number, number] | null;
  onChange: (lat: number, lng: number) => void;
  label: string;
}) {
  return (
    <BaseMap label={label} className="map-picker">
      <PlaceOnTap onPick={onChange} />
      <FollowValue value={value} />
      {value && (
        <Marker
          position={value}
          icon={PIN}
          draggable
          title={label}
          eventHandlers={{
            dragend: (e) => {
              const p = (e.target as L.Marker).getLatLng();
              onChange(p.lat, p.lng);
            },
          }}
        />
      )}
    </BaseMap>
  );
}

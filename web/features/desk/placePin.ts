import L from 'leaflet';

/** The resident's kind of pin, for the point the IOC is placing a report at. */
export const placePinIcon = L.divIcon({
  className: 'pin-icon',
  html: '<span class="pin" data-testid="placement-pin"></span>',
  iconSize: [30, 42],
  iconAnchor: [15, 41],
});

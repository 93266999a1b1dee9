import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { formatCoord } from '../map/geo';
import { AddressFields } from './AddressFields';
import { useWards } from './catalog';
import type { Draft, LocationMode } from './draft';

// Leaflet only loads when the map is shown: never on the first load, never in address mode.
const LocationPicker = lazy(() => import('./LocationPicker'));

type Locating = 'idle' | 'busy' | 'denied' | 'unsupported';

/** Step 2: the phone's position, a tap on the map, or (without the map) an address and the ward. */
export function LocationStep({
  draft,
  errors,
  onPoint,
  onMode,
  onChange,
}: {
  draft: Draft;
  errors: Record<string, string>;
  onPoint: (lat: number, lng: number) => void;
  onMode: (mode: LocationMode) => void;
  onChange: (patch: Partial<Draft>) => void;
}) {
  const { t } = useI18n();
  const [locating, setLocating] = useState<Locating>('idle');
  // Loaded in map mode too (the map draws the same areas, one shared request), so the ward list is
  // on the device before the resident ever needs the address form offline.
  const wards = useWards();
  const { lat, lng } = draft;
  const value: [number, number] | null = lat !== null && lng !== null ? [lat, lng] : null;
  const addressMode = draft.locationMode === 'address';

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('unsupported');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        onPoint(pos.coords.latitude, pos.coords.longitude);
      },
      () => setLocating('denied'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  if (addressMode) {
    return (
      <div className="location-step">
        <AddressFields
          wards={wards}
          address={draft.address}
          areaCode={draft.areaCode}
          errors={errors}
          onAddress={(address) => onChange({ address })}
          onArea={(areaCode) => onChange({ areaCode })}
        />
        <button
          type="button"
          className="link-button mode-toggle"
          data-testid="map-mode-toggle"
          onClick={() => onMode('map')}
        >
          {t('report.addressMode.backToMap')}
        </button>
      </div>
    );
  }

  return (
    <div className="location-step">
      {/* First in the tab order, so a keyboard never has to pass through the map to find it. */}
      <button
        type="button"
        className="link-button mode-toggle"
        data-testid="address-mode-toggle"
        aria-controls="location-step-body"
        onClick={() => onMode('address')}
      >
        {t('report.addressMode.toggle')}
      </button>
      <div id="location-step-body" className="location-step">
        <p className="hint">{t('report.location.hint')}</p>
        <button
          type="button"
          className="btn btn-secondary btn-large btn-block"
          onClick={locate}
          disabled={locating === 'busy'}
        >
          <span aria-hidden="true">📍 </span>
          {locating === 'busy' ? t('report.location.locating') : t('report.location.useMine')}
        </button>
        {(locating === 'denied' || locating === 'unsupported') && (
          <p className="notice notice-warning" role="alert">
            {t(locating === 'denied' ? 'report.location.denied' : 'report.location.unsupported')}
          </p>
        )}
        <Suspense fallback={<Loading />}>
          <LocationPicker value={value} onChange={onPoint} label={t('map.pin')} />
        </Suspense>
        <p className="location-readout" aria-live="polite" data-testid="location-readout">
          {value
            ? t('report.location.picked', { lat: formatCoord(value[0]), lng: formatCoord(value[1]) })
            : t('report.location.none')}
        </p>
        {(errors.lat ?? errors.lng) && (
          <p id="err-lat" className="field-error" role="alert" data-testid="error-lat">
            {errors.lat ?? errors.lng}
          </p>
        )}
      </div>
    </div>
  );
}

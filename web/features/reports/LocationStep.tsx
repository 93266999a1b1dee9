import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import { formatCoord } from '../map/geo';

const LocationPicker = lazy(() => import('./LocationPicker'));

type Locating = 'idle' | 'busy' | 'denied' | 'unsupported';

/** Step 2: tap the map, or use the device's position. */
export function LocationStep({
  lat,
  lng,
  error,
  onChange,
}: {
  lat: number | null;
  lng: number | null;
  error?: string;
  onChange: (lat: number, lng: number) => void;
}) {
  const { t } = useI18n();
  const [locating, setLocating] = useState<Locating>('idle');
  const value: [number, number] | null = lat !== null && lng !== null ? [lat, lng] : null;

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocating('unsupported');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        onChange(pos.coords.latitude, pos.coords.longitude);
      },
      () => setLocating('denied'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="location-step">
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
        <LocationPicker value={value} onChange={onChange} label={t('map.pin')} />
      </Suspense>
      <p className="location-readout" aria-live="polite" data-testid="location-readout">
        {value
          ? t('report.location.picked', { lat: formatCoord(value[0]), lng: formatCoord(value[1]) })
          : t('report.location.none')}
      </p>
      {error && (
        <p id="err-lat" className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

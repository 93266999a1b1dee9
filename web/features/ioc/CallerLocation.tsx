import { lazy, Suspense, useState } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Feedback';
import type { Point } from '../desk/placement';
import { formatCoord } from '../map/geo';
import { AddressFields } from '../reports/AddressFields';
import { useWards } from '../reports/catalog';
import type { CallerDraft } from './callerReport';

const PlacerMap = lazy(() => import('../desk/PlacerMap'));

/** Where the caller's problem is: a point on the map (with an optional address), or an address and its ward. */
export function CallerLocation({
  draft,
  errors,
  onChange,
}: {
  draft: CallerDraft;
  errors: Record<string, string>;
  onChange: (patch: Partial<CallerDraft>) => void;
}) {
  const { t } = useI18n();
  const wards = useWards();
  const [readCenter, setReadCenter] = useState<(() => Point) | null>(null);
  return (
    <fieldset className="caller-location">
      <legend>{t('track.location')}</legend>
      <div className="radio-row" role="radiogroup">
        {(['map', 'address'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="caller-mode"
              value={mode}
              checked={draft.mode === mode}
              data-testid={`caller-mode-${mode}`}
              onChange={() => onChange({ mode })}
            />{' '}
            {t(`caller.mode.${mode}`)}
          </label>
        ))}
      </div>
      {draft.mode === 'map' ? (
        <>
          <div className="placer-map">
            <Suspense fallback={<Loading />}>
              <PlacerMap
                point={draft.point}
                areaCode={undefined}
                label={t('location.mapLabel')}
                onPick={(point) => onChange({ point })}
                onCenter={(read) => setReadCenter(() => read)}
              />
            </Suspense>
            <span className="placer-cross" aria-hidden="true" />
          </div>
          <div className="placer-row">
            <button
              type="button"
              className="btn btn-small btn-secondary"
              disabled={!readCenter}
              data-testid="caller-center"
              onClick={() => readCenter && onChange({ point: readCenter() })}
            >
              {t('location.useCenter')}
            </button>
            <p className="placer-readout" aria-live="polite" data-testid="caller-point">
              {draft.point
                ? t('location.picked', { lat: formatCoord(draft.point[0]), lng: formatCoord(draft.point[1]) })
                : t('location.none')}
            </p>
          </div>
          {errors.location && (
            <p className="field-error" role="alert" data-testid="error-location">
              {errors.location}
            </p>
          )}
          <div className="field">
            <label htmlFor="caller-address">
              {t('report.address')} <span className="optional">({t('common.optional')})</span>
            </label>
            <input
              id="caller-address"
              maxLength={LIMITS.addressMax}
              value={draft.address}
              onChange={(e) => onChange({ address: e.target.value })}
            />
          </div>
        </>
      ) : (
        <AddressFields
          wards={wards}
          address={draft.address}
          areaCode={draft.areaCode}
          errors={errors}
          onAddress={(address) => onChange({ address })}
          onArea={(areaCode) => onChange({ areaCode })}
        />
      )}
    </fieldset>
  );
}

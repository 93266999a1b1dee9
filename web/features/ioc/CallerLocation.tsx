import { PointPicker } from '../desk/PointPicker';

import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { AddressFields } from '../reports/AddressFields';
import { useWards } from '../reports/catalog';
import type { CallerDraft } from './callerReport';

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
          <PointPicker
            point={draft.point}
            onPick={(point) => onChange({ point })}
            emptyText={t('location.none')}
            centerTestId="caller-center"
            readoutTestId="caller-point"
          />
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

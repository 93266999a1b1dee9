import { useEffect, useRef } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import { useI18n } from '../../i18n';
import { ErrorNotice } from '../../ui/Feedback';
import type { AsyncState } from '../../api/useAsync';
import type { WardOption } from './catalog';

/** Without the map: a street address and the ward, both required, usable by keyboard and screen reader alone. */
export function AddressFields({
  address,
  areaCode,
  errors,
  onAddress,
  onArea,
  wards,
}: {
  wards: AsyncState<WardOption[]>;
  address: string;
  areaCode: string;
  errors: Record<string, string>;
  onAddress: (value: string) => void;
  onArea: (code: string) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  // Opening this mode moves the keyboard straight into it.
  useEffect(() => input.current?.focus(), []);
  const addressError = errors.address;
  const wardError = errors.areaCode;
  return (
    <div className="address-fields form-stack" data-testid="address-fields">
      <p className="hint" id="address-mode-hint">
        {t('report.addressMode.hint')}
      </p>
      <div className={`field${addressError ? ' has-error' : ''}`}>
        <label htmlFor="report-address-text">
          {t('report.addressMode.address')} <span className="optional">({t('report.required')})</span>
        </label>
        <input
          ref={input}
          id="report-address-text"
          name="address"
          type="text"
          required
          aria-required="true"
          autoComplete="street-address"
          maxLength={LIMITS.addressMax}
          value={address}
          placeholder={t('report.addressMode.placeholder')}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={`address-mode-hint${addressError ? ' err-address' : ''}`}
          onChange={(e) => onAddress(e.target.value)}
        />
        {addressError && (
          <p id="err-address" className="field-error" role="alert" data-testid="error-address">
            {addressError}
          </p>
        )}
      </div>
      <div className={`field${wardError ? ' has-error' : ''}`}>
        <label htmlFor="report-ward">
          {t('report.ward')} <span className="optional">({t('report.required')})</span>
        </label>
        <select
          id="report-ward"
          name="areaCode"
          required
          aria-required="true"
          value={areaCode}
          data-testid="ward-select"
          aria-invalid={wardError ? true : undefined}
          aria-describedby={wardError ? 'err-areaCode' : undefined}
          disabled={!wards.data}
          onChange={(e) => onArea(e.target.value)}
        >
          <option value="">{wards.data ? t('report.ward.choose') : t('common.loading')}</option>
          {wards.data?.map((w) => (
            <option key={w.code} value={w.code}>
              {w.name}
            </option>
          ))}
        </select>
        {wardError && (
          <p id="err-areaCode" className="field-error" role="alert" data-testid="error-areaCode">
            {wardError}
          </p>
        )}
      </div>
      {wards.error !== undefined && !wards.data && <ErrorNotice error={wards.error} onRetry={wards.reload} />}
    </div>
  );
}

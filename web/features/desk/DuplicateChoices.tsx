import { useId } from 'react';
import { useAsync } from '../../api/useAsync';
import { useI18n } from '../../i18n';
import { triageApi } from './triageApi';

/**
 * The report's nearby open reports of the same category, offered as the original when merging a
 * duplicate (the operator can still type any tracking code below).
 */
export function DuplicateChoices({
  trackingCode,
  categoryCode,
  lat,
  lng,
  value,
  onPick,
}: {
  trackingCode: string;
  categoryCode: string;
  lat: number | null;
  lng: number | null;
  value: string;
  onPick: (code: string) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const key = lat !== null && lng !== null ? `nearby:${categoryCode}:${lat}:${lng}` : null;
  const nearby = useAsync(key, (signal) => triageApi.nearby({ categoryCode, lat: lat!, lng: lng! }, signal));
  const others = (nearby.data ?? []).filter((r) => r.trackingCode !== trackingCode);
  if (key === null) return null;
  return (
    <fieldset className="duplicate-choices" data-testid="duplicate-choices">
      <legend>{t('duplicate.nearby')}</legend>
      {nearby.loading && !nearby.data ? (
        <p className="hint">{t('common.loading')}</p>
      ) : others.length === 0 ? (
        <p className="hint">{nearby.error ? t('duplicate.error') : t('duplicate.none')}</p>
      ) : (
        <ul>
          {others.map((r) => (
            <li key={r.trackingCode}>
              <label className="duplicate-choice" data-testid="duplicate-choice" data-tracking-code={r.trackingCode}>
                <input
                  type="radio"
                  name={`${uid}-dup-choice`}
                  checked={value.trim().toUpperCase() === r.trackingCode}
                  onChange={() => onPick(r.trackingCode)}
                />
                <span>
                  <code>{r.trackingCode}</code> · {t(`status.${r.status}`)} ·{' '}
                  {t('duplicate.distance', { m: Math.round(r.distanceM) })}
                  {r.reporterCount > 1 && <> · {t('desk.reporters', { n: r.reporterCount })}</>}
                  <span className="duplicate-desc">{r.description}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

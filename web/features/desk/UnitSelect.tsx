import { useUnits } from '../../api/reference';
import { useI18n } from '../../i18n';

/** A select of responsible units; `proposed` is marked, `exclude` disabled (the current unit on reroute). */
export function UnitSelect({
  id,
  value,
  onChange,
  proposed,
  exclude,
  error,
}: {
  id: string;
  value: number | '';
  onChange: (unitId: number | '') => void;
  proposed?: number;
  exclude?: number;
  error?: string;
}) {
  const { t, name } = useI18n();
  const units = useUnits();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{t('form.unit')}</label>
      <select
        id={id}
        name="unitId"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}
      >
        <option value="">{units.loading && !units.data ? t('common.loading') : t('form.unit.choose')}</option>
        {units.data?.map((u) => (
          <option key={u.id} value={u.id} disabled={u.id === exclude}>
            {u.id === proposed ? `${name(u.name)} ${t('form.unit.proposed')}` : name(u.name)}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

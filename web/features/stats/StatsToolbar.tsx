import { useId, useState, type FormEvent } from 'react';
import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { STATS_BUCKETS, type StatsBucket } from '../../../shared/schemas/stats';
import { useAreas, useCategories, useUnits } from '../../api/reference';
import { useI18n } from '../../i18n';
import { useStatsMessages } from './messages';
import {
  isDay,
  PERIOD_PRESETS,
  type PeriodPreset,
  type ResolvedPeriod,
  type StatsFilters,
  type StatsView,
} from './statsQuery';

/** Presets as pill buttons, and the custom from/to dates. */
export function PeriodPicker({
  view,
  period,
  onChange,
}: {
  view: StatsView;
  period: ResolvedPeriod;
  onChange: (patch: Partial<StatsView>) => void;
}) {
  const m = useStatsMessages();
  const id = useId();
  const [customOpen, setCustomOpen] = useState(false);
  const [from, setFrom] = useState(period.fromDay);
  const [to, setTo] = useState(period.toDay);
  const [invalid, setInvalid] = useState(false);
  const showCustom = customOpen || view.period === 'custom';

  const pick = (preset: PeriodPreset) => {
    if (preset === 'custom') {
      setFrom(period.fromDay);
      setTo(period.toDay);
      setCustomOpen(true);
      return;
    }
    setCustomOpen(false);
    // A new span gets the bucket that suits it, unless one was picked by hand for the same span.
    onChange({ period: preset, fromDay: undefined, toDay: undefined, bucket: undefined, drill: null });
  };

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!isDay(from) || !isDay(to) || from > to) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onChange({ period: 'custom', fromDay: from, toDay: to, bucket: undefined, drill: null });
  };

  const active: PeriodPreset = showCustom ? 'custom' : view.period;
  return (
    <div className="period-picker">
      <div className="pill-group" role="group" aria-label={m('period.label')} data-testid="period-picker">
        {PERIOD_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="pill"
            aria-pressed={active === p}
            data-period={p}
            onClick={() => pick(p)}
          >
            {m(`period.${p}`)}
          </button>
        ))}
      </div>
      {showCustom && (
        <form className="custom-period" onSubmit={apply} data-testid="custom-period" noValidate>
          <div className="field-inline">
            <label htmlFor={`${id}-from`}>{m('period.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-err` : undefined}
            />
          </div>
          <div className="field-inline">
            <label htmlFor={`${id}-to`}>{m('period.to')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={invalid || undefined}
            />
          </div>
          <button type="submit" className="btn btn-secondary btn-small">
            {m('period.apply')}
          </button>
          {invalid && (
            <p className="field-error" id={`${id}-err`} role="alert">
              {m('period.invalid')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** The trend bucket. */
export function BucketSelect({ value, onChange }: { value: StatsBucket; onChange: (b: StatsBucket) => void }) {
  const m = useStatsMessages();
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>{m('bucket.label')}</label>
      <select
        id={id}
        value={value}
        data-testid="stats-bucket"
        onChange={(e) => onChange(e.target.value as StatsBucket)}
      >
        {STATS_BUCKETS.map((b) => (
          <option key={b} value={b}>
            {m(`bucket.${b}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A choice of unit, by name, after a first choice for none in particular (`undefined`). */
export function UnitSelect({
  id,
  value,
  testId,
  allLabel,
  onChange,
}: {
  id: string;
  value: number | undefined;
  testId: string;
  allLabel: string;
  onChange: (unitId: number | undefined) => void;
}) {
  const { name } = useI18n();
  const units = useUnits();
  return (
    <select
      id={id}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
    >
      <option value="">{allLabel}</option>
      {(units.data ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {name(u.name)}
        </option>
      ))}
    </select>
  );
}

/** Unit (not for a unit's leader, who is held to theirs), ward, category and channel. */
export function FilterBar({
  filters,
  unitScoped,
  onChange,
}: {
  filters: StatsFilters;
  unitScoped: boolean;
  onChange: (filters: StatsFilters) => void;
}) {
  const m = useStatsMessages();
  const { t, name } = useI18n();
  const id = useId();
  const areas = useAreas();
  const categories = useCategories();
  const set = (patch: StatsFilters) => {
    const next: StatsFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof StatsFilters)[]) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const any = Object.values(filters).some((v) => v !== undefined);
  return (
    <div className="filter-bar" role="group" aria-label={m('filter.title')}>
      {!unitScoped && (
        <div className="field-inline">
          <label htmlFor={`${id}-unit`}>{m('filter.unit')}</label>
          <UnitSelect
            id={`${id}-unit`}
            value={filters.unitId}
            testId="filter-unit"
            allLabel={m('filter.all')}
            onChange={(unitId) => set({ unitId })}
          />
        </div>
      )}
      <div className="field-inline">
        <label htmlFor={`${id}-area`}>{m('filter.area')}</label>
        <select
          id={`${id}-area`}
          data-testid="filter-area"
          value={filters.areaCode ?? ''}
          onChange={(e) => set({ areaCode: e.target.value || undefined })}
        >
          <option value="">{m('filter.all')}</option>
          {(areas.data ?? []).map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-category`}>{m('filter.category')}</label>
        <select
          id={`${id}-category`}
          data-testid="filter-category"
          value={filters.categoryCode ?? ''}
          onChange={(e) => set({ categoryCode: e.target.value || undefined })}
        >
          <option value="">{m('filter.all')}</option>
          {(categories.data ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {name(c.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-channel`}>{m('filter.channel')}</label>
        <select
          id={`${id}-channel`}
          data-testid="filter-channel"
          value={filters.channel ?? ''}
          onChange={(e) => set({ channel: (e.target.value || undefined) as Channel | undefined })}
        >
          <option value="">{m('filter.all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {any && (
        <button type="button" className="link-button filter-clear" onClick={() => onChange({})}>
          {m('filter.clear')}
        </button>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import { CHANNELS, type Channel } from '../../../shared/domain/channels';
import { OPEN_STATUSES, type ReportStatus } from '../../../shared/domain/statuses';
import { useAreas, useCategories, useUnits } from '../../api/reference';
import { useI18n } from '../../i18n';
import { activeFilters, NO_FILTERS, type QueueFilters } from './queueFilters';

/** The queue's search box and filters (category, ward, unit, status, channel); the page address keeps them. */
export function QueueFiltersBar({ filters, onChange }: { filters: QueueFilters; onChange: (f: QueueFilters) => void }) {
  const { t, name } = useI18n();
  const uid = useId();
  const categories = useCategories();
  const areas = useAreas();
  const units = useUnits();
  const narrowing = activeFilters({ ...filters, q: '' });
  const [open, setOpen] = useState(narrowing > 0);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });

  const select = (
    key: string,
    label: string,
    value: string,
    options: [string, string][],
    pick: (v: string) => void,
  ) => (
    <div className="field queue-filter">
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      <select id={`${uid}-${key}`} value={value} data-testid={`filter-${key}`} onChange={(e) => pick(e.target.value)}>
        <option value="">{t('filters.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="queue-search" role="search">
      <div className="queue-search-row">
        <label htmlFor="queue-search" className="sr-only">
          {t('desk.search')}
        </label>
        <input
          id="queue-search"
          type="search"
          placeholder={t('desk.search')}
          value={filters.q}
          data-testid="filter-q"
          onChange={(e) => set({ q: e.target.value })}
        />
        <button
          type="button"
          className={`btn btn-small ${narrowing ? 'btn-primary' : 'btn-secondary'}`}
          aria-expanded={open}
          aria-controls={`${uid}-filters`}
          data-testid="filters-toggle"
          onClick={() => setOpen(!open)}
        >
          {narrowing ? t('filters.titleCount', { n: narrowing }) : t('filters.title')}
        </button>
      </div>
      {open && (
        <div className="queue-filters" id={`${uid}-filters`}>
          {select(
            'category',
            t('track.category'),
            filters.category,
            (categories.data ?? []).map((c) => [c.code, name(c.name)]),
            (v) => set({ category: v }),
          )}
          {select(
            'area',
            t('track.area'),
            filters.area,
            (areas.data ?? []).map((a) => [a.code, a.name]),
            (v) => set({ area: v }),
          )}
          {select(
            'unit',
            t('track.unit'),
            filters.unit === null ? '' : String(filters.unit),
            (units.data ?? []).map((u) => [String(u.id), name(u.name)]),
            (v) => set({ unit: v ? Number(v) : null }),
          )}
          {select(
            'status',
            t('track.status'),
            filters.status ?? '',
            OPEN_STATUSES.map((s) => [s, t(`status.${s}`)]),
            (v) => set({ status: (v || null) as ReportStatus | null }),
          )}
          {select(
            'channel',
            t('detail.channel'),
            filters.channel ?? '',
            CHANNELS.map((c) => [c, t(`channel.${c}`)]),
            (v) => set({ channel: (v || null) as Channel | null }),
          )}
          <button
            type="button"
            className="btn btn-small btn-secondary"
            disabled={activeFilters(filters) === 0}
            data-testid="filters-clear"
            onClick={() => onChange(NO_FILTERS)}
          >
            {t('filters.clear')}
          </button>
        </div>
      )}
    </div>
  );
}

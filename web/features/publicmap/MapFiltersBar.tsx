import type { CategoryDto } from '../../../shared/schemas/categories';
import { useI18n, type MessageKey } from '../../i18n';
import { iconEmoji } from '../reports/categoryIcons';
import { MAP_STATUSES, toggleCategory, type MapFilters } from './mapQuery';

const STATUS_LABEL: Record<MapFilters['status'], MessageKey> = {
  open: 'publicMap.status.open',
  resolved: 'publicMap.status.resolved',
  all: 'publicMap.status.all',
};

/** Status (a radio group) and category chips (checkboxes); every change goes to the address. */
export function MapFiltersBar({
  filters,
  categories,
  onChange,
}: {
  filters: MapFilters;
  categories: readonly CategoryDto[];
  onChange: (next: MapFilters) => void;
}) {
  const { t, name } = useI18n();
  return (
    <form className="map-filters" aria-label={t('publicMap.filters')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="map-filter-group" data-testid="map-filter-status">
        <legend>{t('publicMap.status')}</legend>
        <div className="segmented">
          {MAP_STATUSES.map((s) => (
            <label key={s} className={filters.status === s ? 'segment active' : 'segment'}>
              <input
                type="radio"
                name="map-status"
                value={s}
                checked={filters.status === s}
                data-testid={`map-status-${s}`}
                onChange={() => onChange({ ...filters, status: s })}
              />
              <span>{t(STATUS_LABEL[s])}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="map-filter-group" data-testid="map-filter-categories">
        <legend>{t('publicMap.categories')}</legend>
        <div className="chips">
          <button
            type="button"
            className={filters.categories.length === 0 ? 'chip chip-all active' : 'chip chip-all'}
            aria-pressed={filters.categories.length === 0}
            data-testid="map-category-all"
            onClick={() => onChange({ ...filters, categories: [] })}
          >
            {t('publicMap.categories.clear')}
          </button>
          {categories.map((c) => {
            const on = filters.categories.includes(c.code);
            return (
              <label key={c.code} className={on ? 'chip active' : 'chip'}>
                <input
                  type="checkbox"
                  value={c.code}
                  checked={on}
                  data-testid="map-category"
                  data-category={c.code}
                  onChange={() => onChange(toggleCategory(filters, c.code))}
                />
                <span aria-hidden="true">{iconEmoji(c.icon)}</span> <span>{name(c.name)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </form>
  );
}

import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/Feedback';
import type { FeatureState } from './FeatureLayer';
import { MapFiltersBar } from './MapFiltersBar';
import { MapLegend } from './MapLegend';
import { filtersFromSearch, searchFromState, viewFromSearch, type MapFilters, type MapView } from './mapQuery';
import './publicmap.css';

const PublicMap = lazy(() => import('./PublicMap'));

/** `/map` for anyone: filters kept in the address, the map, and how many reports are in view. */
export function PublicMapView() {
  const { t, name } = useI18n();
  const [params, setParams] = useSearchParams();
  // The filters as a stable value: a move of the map rewrites the address but not the filters.
  const filtersKey = searchFromState(filtersFromSearch(params), null).toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(filtersKey)), [filtersKey]);
  const [initialView] = useState(() => viewFromSearch(params));
  const [state, setState] = useState<FeatureState>({ count: null, loading: true, error: null });
  const onState = useCallback((s: Partial<FeatureState>) => setState((prev) => ({ ...prev, ...s })), []);
  const categories = useCategories();

  const byCode = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c])), [categories.data]);
  const categoryName = useCallback(
    (code: string) => {
      const c = byCode.get(code);
      return c ? name(c.name) : code;
    },
    [byCode, name],
  );

  const setFilters = (next: MapFilters) =>
    setParams((prev) => searchFromState(next, viewFromSearch(prev), prev), { replace: true });
  const onView = useCallback(
    (view: MapView) => setParams((prev) => searchFromState(filtersFromSearch(prev), view, prev), { replace: true }),
    [setParams],
  );

  return (
    <div className="page map-page">
      <div className="page-intro">
        <h1>{t('publicMap.title')}</h1>
        <p>{t('publicMap.intro')}</p>
      </div>
      <MapFiltersBar filters={filters} categories={categories.data ?? []} onChange={setFilters} />
      <div className="map-toolbar">
        {/* Announced when the number changes, not at every move of the map. */}
        <p
          className="map-count"
          role="status"
          data-testid="map-count"
          data-count={state.count ?? undefined}
          data-loading={state.loading}
        >
          {state.count !== null
            ? t('publicMap.count', { n: state.count })
            : state.error
              ? t('publicMap.error')
              : t('common.loading')}
          {state.loading && state.count !== null && <span className="spinner map-spinner" aria-hidden="true" />}
        </p>
        <MapLegend />
      </div>
      {state.error ? <ErrorNotice error={state.error} /> : null}
      <div className="map-public-box">
        <Suspense fallback={<Loading />}>
          <PublicMap
            filters={filters}
            initialView={initialView}
            categoryName={categoryName}
            onState={onState}
            onView={onView}
          />
        </Suspense>
      </div>
    </div>
  );
}

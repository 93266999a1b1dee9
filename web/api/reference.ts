import type { AreaDto, CategoryDto, UnitDto } from '../../shared/schemas/categories';
import { catalogApi } from './endpoints';
import { memoized } from './memo';
import { useAsync, type AsyncState } from './useAsync';

/** Report categories (public), loaded once per page load. */
export function useCategories(): AsyncState<CategoryDto[]> {
  return useAsync('categories', () => memoized('categories', () => catalogApi.categories()));
}

/** Ward boundaries (public), loaded once per page load. */
export function useAreas(): AsyncState<AreaDto[]> {
  return useAsync('areas', () => memoized('areas', () => catalogApi.areas()));
}

/** Responsible units (staff only), loaded once per page load. */
export function useUnits(): AsyncState<UnitDto[]> {
  return useAsync('units', () => memoized('units', () => catalogApi.units()));
}

import type { CategoryDto } from '../../../shared/schemas/categories';
import { catalogApi } from '../../api/endpoints';
import { memoized } from '../../api/memo';
import { useAsync, type AsyncState } from '../../api/useAsync';

/** A ward as the "pick your ward" list shows it. */
export interface WardOption {
  code: string;
  name: string;
}

const WARDS_KEY = 'beacon.wardsCopy';

function cached<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function keep(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full: the next offline visit simply has no copy.
  }
}

/** Loads fresh data and keeps a copy; offline, answers the last copy (so the form opens from the home screen). */
async function withOfflineCopy<T>(key: string, load: () => Promise<T>): Promise<T> {
  try {
    const fresh = await load();
    keep(key, fresh);
    return fresh;
  } catch (err) {
    const copy = cached<T>(key);
    if (copy !== undefined) return copy;
    throw err;
  }
}

/** The wards as last loaded on this device (no network call), e.g. to name one in a summary. */
export function cachedWards(): WardOption[] | undefined {
  return cached<WardOption[]>(WARDS_KEY);
}

/** Report categories with their questions; the last copy when offline. */
export function useReportCategories(): AsyncState<CategoryDto[]> {
  return useAsync('report-categories', () =>
    withOfflineCopy('beacon.categoriesCopy', () => memoized('categories', () => catalogApi.categories())),
  );
}

/** Wards by name, for the address form; the last copy when offline. */
export function useWards(): AsyncState<WardOption[]> {
  return useAsync('report-wards', () =>
    withOfflineCopy(WARDS_KEY, async () => {
      const areas = await memoized('areas', () => catalogApi.areas());
      return areas.map((a) => ({ code: a.code, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    }),
  );
}

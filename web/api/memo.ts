const cache = new Map<string, Promise<unknown>>();

/** Loads reference data (categories, areas, units) once per page load; a failure is not cached. */
export function memoized<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const promise = load();
  cache.set(key, promise);
  promise.catch(() => cache.delete(key));
  return promise;
}

/** Forgets cached reference data (tests, sign-out). */
export function clearMemo(): void {
  cache.clear();
}

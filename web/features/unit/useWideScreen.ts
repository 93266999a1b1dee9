import { useSyncExternalStore } from 'react';

/** Wide enough to show the list and the map side by side (the CSS uses the same breakpoint). */
export const WIDE_QUERY = '(min-width: 1100px)';

const subscribe = (onChange: () => void) => {
  if (typeof window.matchMedia !== 'function') return () => {};
  const list = window.matchMedia(WIDE_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};
const snapshot = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE_QUERY).matches;

/** True on a wide screen: list and map side by side; on a phone one of them at a time. */
export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}

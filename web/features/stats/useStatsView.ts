import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseView, resolvePeriod, viewToParams, type StatsView } from './statsQuery';

/**
 * The page's state, read from the address and written back to it: every change is a new history entry
 * (back and forward walk through the views) except turning a drill-down's pages, which replaces it.
 */
export function useStatsView() {
  const [params, setParams] = useSearchParams();
  // "Today" is fixed for the life of the page, so presets do not move under a leader's eyes at midnight.
  const [now] = useState(() => Date.now());
  const search = params.toString();
  const view = useMemo(() => parseView(new URLSearchParams(search)), [search]);
  const period = useMemo(() => resolvePeriod(view, now), [view, now]);
  const update = useCallback(
    (patch: Partial<StatsView>, options: { replace?: boolean } = {}) => {
      setParams(viewToParams({ ...view, ...patch }), { replace: options.replace ?? false });
    },
    [view, setParams],
  );
  return { view, period, update, now };
}

/** The last data a loader gave, kept on screen (dimmed) while the next key loads. */
export function useKept<T>(data: T | undefined): T | undefined {
  const [kept, setKept] = useState<T | undefined>(data);
  if (data !== undefined && data !== kept) setKept(data);
  return data ?? kept;
}

import { useCallback, useEffect, useEffectEvent, useState } from 'react';

/** What `useAsync` gives a component. */
export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  /** True while the answer for the current key (or a refresh) is on its way. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string | null;
  round: string;
  data?: T;
  error?: unknown;
}

/**
 * Loads data for `key` (null = nothing to load), aborting the previous call when the key changes.
 * A change of `refresh` (e.g. a report's version) or `reload()` loads again while the data of the
 * same key stays on screen.
 */
export function useAsync<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  refresh: string | number = 0,
): AsyncState<T> {
  const [settled, setSettled] = useState<Settled<T>>({ key: null, round: '' });
  const [attempt, setAttempt] = useState(0);
  const run = useEffectEvent((signal: AbortSignal) => load(signal));
  const round = `${attempt}:${refresh}`;

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    run(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setSettled({ key, round, data });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) {
          setSettled((prev) => ({ key, round, error, data: prev.key === key ? prev.data : undefined }));
        }
      },
    );
    return () => ctrl.abort();
  }, [key, round]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const sameKey = key !== null && settled.key === key;
  const current = sameKey && settled.round === round;
  return {
    data: sameKey ? settled.data : undefined,
    error: current ? settled.error : undefined,
    loading: key !== null && !current,
    reload,
  };
}

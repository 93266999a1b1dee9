import { useEffect, useState } from 'react';
import type { IocSummary } from '../../../shared/schemas/ioc';
import { wallApi } from './wallApi';

/** How often the counters refresh without any event. */
export const SUMMARY_EVERY_MS = 30_000;

/** The headline counters: loaded now, every 30 s, and whenever `refresh` changes. The last answer stays on screen. */
export function useWallSummary(refresh: number): { summary: IocSummary | null; error: unknown } {
  const [state, setState] = useState<{ summary: IocSummary | null; error: unknown }>({ summary: null, error: null });

  useEffect(() => {
    const ctrl = new AbortController();
    let round = 0;
    const load = () => {
      const mine = ++round;
      wallApi.summary(ctrl.signal).then(
        (summary) => {
          if (!ctrl.signal.aborted && mine === round) setState({ summary, error: null });
        },
        (error: unknown) => {
          if (!ctrl.signal.aborted && mine === round) setState((prev) => ({ ...prev, error }));
        },
      );
    };
    load();
    const timer = setInterval(load, SUMMARY_EVERY_MS);
    return () => {
      ctrl.abort();
      clearInterval(timer);
    };
  }, [refresh]);

  return state;
}

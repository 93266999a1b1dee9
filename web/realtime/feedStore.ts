import type { StaffReportEvent } from '../../shared/realtime/events';
import type { ReportList, StaffReportView } from '../../shared/schemas/reports';
import { applyEvent, applyReport, fromSnapshot, type FeedData, type KeepReport } from './feed';
import type { ConnectionState } from './socket';

/** Everything a staff screen renders from its live feed. */
export interface FeedState extends FeedData {
  loading: boolean;
  error: unknown;
  connection: ConnectionState;
  /** Reports that just arrived, highlighted for a few seconds. */
  fresh: ReadonlySet<number>;
}

/** How long a newly arrived report stays highlighted. */
export const FRESH_MS = 6000;

/** A tiny external store (for useSyncExternalStore) around the pure feed reducer. */
export function createFeedStore(keep: KeepReport) {
  let state: FeedState = {
    byId: new Map(),
    lastEventId: 0,
    loading: true,
    error: null,
    connection: 'connecting',
    fresh: new Set(),
  };
  const listeners = new Set<() => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const set = (patch: Partial<FeedState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  const unmark = (id: number) => {
    const fresh = new Set(state.fresh);
    fresh.delete(id);
    set({ fresh });
  };

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: (): FeedState => state,
    loading: () => set({ loading: true, error: null }),
    failed: (error: unknown) => set({ loading: false, error }),
    snapshot: (list: ReportList) => set({ ...fromSnapshot(list, keep), loading: false, error: null }),
    connection: (connection: ConnectionState) => set({ connection }),
    /** Applies a socket event; `isNew` highlights the report when it is really applied. */
    event(event: StaffReportEvent, isNew: boolean) {
      const next = applyEvent(state, event, keep);
      if (next === state) return;
      const id = event.report.id;
      if (!isNew || !next.byId.has(id)) return set(next);
      set({ ...next, fresh: new Set(state.fresh).add(id) });
      const timer = setTimeout(() => {
        timers.delete(timer);
        unmark(id);
      }, FRESH_MS);
      timers.add(timer);
    },
    report: (report: StaffReportView) => set(applyReport(state, report, keep)),
    /** Stops pending highlight timers (listeners unsubscribe themselves). */
    dispose() {
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}

/** A staff feed store. */
export type FeedStore = ReturnType<typeof createFeedStore>;

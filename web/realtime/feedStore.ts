import type { StaffFeedEvent } from '../../shared/realtime/events';
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
  const unmark = (ids: readonly number[]) => {
    const fresh = new Set(state.fresh);
    for (const id of ids) fresh.delete(id);
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
    /**
     * Applies a socket frame's events in order and notifies once; a `created` report that is really
     * applied (not a replay already seen, and kept by this screen) is highlighted for a while.
     */
    events(events: readonly StaffFeedEvent[]) {
      let next: FeedData = state;
      let arrived: number[] = [];
      for (const event of events) {
        const applied = applyEvent(next, event, keep);
        if (applied === next) continue;
        next = applied;
        if (event.kind === 'created') arrived.push(event.report.id);
      }
      if (next === state) return;
      // A report filed and closed within the frame is not on the screen to highlight.
      const kept = next.byId;
      arrived = arrived.filter((id) => kept.has(id));
      if (arrived.length === 0) return set(next);
      const fresh = new Set(state.fresh);
      for (const id of arrived) fresh.add(id);
      set({ ...next, fresh });
      const timer = setTimeout(() => {
        timers.delete(timer);
        unmark(arrived);
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

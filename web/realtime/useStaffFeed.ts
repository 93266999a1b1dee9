import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StaffReportView } from '../../shared/schemas/reports';
import { reportsApi, type ReportListQuery } from '../api/endpoints';
import type { KeepReport } from './feed';
import { createFeedStore, type FeedState } from './feedStore';
import { closeSocket, openSocket, watchConnection } from './socket';

/** A staff screen's live report list, plus a way to apply a report returned over HTTP. */
export interface StaffFeed extends FeedState {
  applyReport: (report: StaffReportView) => void;
  reload: () => void;
}

/**
 * Snapshot, then deltas, then resume: loads the list over HTTP, then opens a socket whose every
 * (re)connection hands the server the highest event id applied, so it replays exactly what came after.
 * `query` and `keep` must be stable (module constants or memoised).
 */
export function useStaffFeed(query: ReportListQuery, keep: KeepReport): StaffFeed {
  const [store] = useState(() => createFeedStore(keep));
  const [generation, setGeneration] = useState(0);
  const state = useSyncExternalStore(store.subscribe, store.getState);

  useEffect(() => {
    const ctrl = new AbortController();
    let socket: ReturnType<typeof openSocket> | null = null;
    let stopWatching = () => {};

    const loadSnapshot = () => reportsApi.list(query, ctrl.signal).then((list) => store.snapshot(list));

    store.loading();
    loadSnapshot().then(
      () => {
        if (ctrl.signal.aborted) return;
        // Every (re)connection sends the last event applied; the server replays what came after it.
        const live = openSocket(() => ({ lastEventId: store.getState().lastEventId }));
        socket = live;
        stopWatching = watchConnection(live, (c) => store.connection(c));
        live.on('feed:resync', () => {
          // Too far behind to replay: reload the list, then reconnect from the new snapshot.
          live.disconnect();
          loadSnapshot().then(
            () => live.connect(),
            (err: unknown) => store.failed(err),
          );
        });
        socket.on('report:batch', (batch) => store.events(batch.events));
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) store.failed(err);
      },
    );

    return () => {
      ctrl.abort();
      stopWatching();
      if (socket) closeSocket(socket);
      store.dispose();
    };
  }, [store, query, generation]);

  return { ...state, applyReport: store.report, reload: () => setGeneration((g) => g + 1) };
}

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StaffReportView } from '../../shared/schemas/reports';
import { reportsApi, type ReportListQuery } from '../api/endpoints';
import type { KeepReport } from './feed';
import { createFeedStore, type FeedState } from './feedStore';
import { ACK_TIMEOUT_MS, closeSocket, openSocket, watchConnection } from './socket';

/** A staff screen's live report list, plus a way to apply a report returned over HTTP. */
export interface StaffFeed extends FeedState {
  applyReport: (report: StaffReportView) => void;
  reload: () => void;
}

/**
 * Snapshot, then deltas, then resume: loads the list over HTTP, opens a socket, and on every
 * (re)connect asks the server to replay the events after the highest id applied.
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

    const resume = (retryWithSnapshot: boolean) => {
      if (!socket) return;
      socket.timeout(ACK_TIMEOUT_MS).emit('sync:resume', { afterEventId: store.getState().lastEventId }, (err, res) => {
        if (ctrl.signal.aborted || (!err && res.ok)) return;
        // The server could not replay (too far behind, or no answer): take a fresh snapshot, then resume once more.
        if (retryWithSnapshot)
          loadSnapshot().then(
            () => resume(false),
            () => {},
          );
      });
    };

    store.loading();
    loadSnapshot().then(
      () => {
        if (ctrl.signal.aborted) return;
        socket = openSocket();
        stopWatching = watchConnection(socket, (c) => store.connection(c));
        socket.on('connect', () => resume(true));
        socket.on('report:created', (e) => {
          if ('version' in e.report) store.event({ eventId: e.eventId, report: e.report }, true);
        });
        socket.on('report:updated', (e) => {
          if ('version' in e.report) store.event({ eventId: e.eventId, report: e.report }, false);
        });
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

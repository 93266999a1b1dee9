import { useEffect, useEffectEvent, useState } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { closeSocket, openSocket, watchConnection, type AppSocket, type ConnectionState } from '../../realtime/socket';
import { wallApi } from './wallApi';

/** What the wall does with its live feed. */
export interface WallLiveHandlers {
  /** The newest reports, at start (and once more if the first try found the server down). */
  onLatest: (reports: StaffReportView[]) => void;
  /** A report was filed: live, or replayed after a reconnect (each event once). */
  onCreated: (report: StaffReportView) => void;
  /** A report changed. */
  onChanged: (report: StaffReportView) => void;
  /** The socket connected (first time or again) or had to resync: reload whatever the wall shows. */
  onConnected: () => void;
}

/**
 * The wall's staff socket. Each (re)connection hands the server the highest event id seen, so reports
 * filed during a network drop or a server restart are replayed, each once; and the wall reloads its
 * map and counters, which cover what a replay cannot (a resync, reports placed meanwhile).
 */
export function useWallLive(handlers: WallLiveHandlers): ConnectionState {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const latest = useEffectEvent(handlers.onLatest);
  const created = useEffectEvent(handlers.onCreated);
  const changed = useEffectEvent(handlers.onChanged);
  const connected = useEffectEvent(handlers.onConnected);

  useEffect(() => {
    const ctrl = new AbortController();
    let lastEventId: number | undefined;
    let haveLatest = false;
    let socket: AppSocket | null = null;
    let stopWatching = () => {};
    // Events come in order; one at or below the highest seen is a replay of something already shown.
    const isNew = (eventId: number) => {
      if (lastEventId !== undefined && eventId <= lastEventId) return false;
      lastEventId = eventId;
      return true;
    };
    const loadLatest = () =>
      wallApi.latest(ctrl.signal).then((list) => {
        if (ctrl.signal.aborted) return;
        haveLatest = true;
        lastEventId = Math.max(lastEventId ?? 0, list.lastEventId);
        latest(list.items);
      });
    const open = () => {
      if (ctrl.signal.aborted) return;
      const live = openSocket(() => (lastEventId === undefined ? {} : { lastEventId }));
      socket = live;
      stopWatching = watchConnection(live, setConnection);
      live.on('connect', () => {
        if (!haveLatest) loadLatest().catch(() => {});
        connected();
      });
      live.on('report:batch', (batch) => {
        for (const e of batch.events) {
          if (!isNew(e.eventId)) continue;
          if (e.kind === 'created') created(e.report);
          else changed(e.report);
        }
      });
      live.on('feed:resync', (p) => {
        // Too far behind to replay (the rooms are joined anyway): resume from now and reload.
        lastEventId = p.lastEventId;
        connected();
      });
    };
    // The server may be down when the wall starts: the socket keeps trying, and its connection reloads.
    loadLatest().then(open, open);

    return () => {
      ctrl.abort();
      stopWatching();
      if (socket) closeSocket(socket);
    };
  }, []);

  return connection;
}

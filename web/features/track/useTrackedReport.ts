import { useCallback, useEffect, useRef, useState } from 'react';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { publicApi } from '../../api/endpoints';
import {
  ACK_TIMEOUT_MS,
  closeSocket,
  openSocket,
  watchConnection,
  type AppSocket,
  type ConnectionState,
} from '../../realtime/socket';
import { applyPublicEvent, fromView, isPublicView, type TrackState } from './trackState';

interface Loaded {
  code: string;
  state: TrackState | null;
  error: unknown;
}

/** A report followed by its tracking code: HTTP first, then live over the socket, re-subscribing on reconnect. */
export function useTrackedReport(code: string): {
  report: PublicReportView | undefined;
  error: unknown;
  connection: ConnectionState;
  /** Shows a view the server answered with (after a resident's action), unless a newer one is shown. */
  update: (report: PublicReportView) => void;
} {
  const [loaded, setLoaded] = useState<Loaded>({ code, state: null, error: null });
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  // The state the live feed builds on; shared with `update`, which can come from outside the effect.
  const currentRef = useRef<TrackState | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    currentRef.current = null;
    let socket: AppSocket | null = null;
    let stopWatching = () => {};
    const show = (next: TrackState) => {
      if (next === currentRef.current) return;
      currentRef.current = next;
      setLoaded({ code, state: next, error: null });
    };

    publicApi.track(code, ctrl.signal).then(
      (report) => {
        if (ctrl.signal.aborted) return;
        show(fromView(report));
        const s = openSocket();
        socket = s;
        stopWatching = watchConnection(s, setConnection);
        // On every (re)connect: follow again, asking for the events missed since the last one seen.
        s.on('connect', () => {
          const afterEventId = currentRef.current?.lastEventId ?? 0;
          s.timeout(ACK_TIMEOUT_MS).emit('track:subscribe', { trackingCode: code, afterEventId }, (err, res) => {
            const current = currentRef.current;
            if (err || !res.ok || !current || ctrl.signal.aborted) return;
            if (res.data.lastEventId >= current.lastEventId)
              show({ report: res.data.report, lastEventId: res.data.lastEventId });
          });
        });
        s.on('report:updated', (e) => {
          const current = currentRef.current;
          if (current && isPublicView(e.report))
            show(applyPublicEvent(current, { eventId: e.eventId, report: e.report }));
        });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setLoaded({ code, state: null, error });
      },
    );
    return () => {
      ctrl.abort();
      stopWatching();
      if (socket) closeSocket(socket);
    };
  }, [code]);

  const update = useCallback(
    (report: PublicReportView) => {
      const current = currentRef.current;
      if (!current || report.trackingCode !== code) return;
      const next = fromView(report);
      // An answer is only as new as its newest timeline entry: never step back behind the live feed.
      const shown = applyPublicEvent(current, { eventId: next.lastEventId, report });
      if (shown === current) return;
      currentRef.current = shown;
      setLoaded({ code, state: shown, error: null });
    },
    [code],
  );

  const same = loaded.code === code;
  return {
    report: same ? loaded.state?.report : undefined,
    error: same ? loaded.error : null,
    connection,
    update,
  };
}

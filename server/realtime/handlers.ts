import { roleRoom, trackRoom, unitRoom, type CityRole } from '../../shared/realtime/events';
import type { ReportsService } from '../modules/reports/reports.service';
import { roomViewer } from './broadcaster';
import { unitEntitled } from './entitlement';
import type { RealtimeSocket } from './types';

/** Most events a reconnecting client may have missed before it must reload its snapshot instead. */
export const MAX_REPLAY = 5000;

/** Puts a staff socket in the rooms its role entitles it to. */
export function joinStaffRooms(socket: RealtimeSocket): void {
  const user = socket.data.user;
  if (!user) return;
  if (user.role === 'staff') {
    if (user.unitId !== null) void socket.join(unitRoom(user.unitId));
  } else {
    void socket.join(roleRoom(user.role as CityRole));
  }
}

/**
 * Socket commands. A staff socket receives nothing until it sends `sync:resume` with the last event id
 * it has (from its HTTP snapshot, or the last event it applied): the replay reads the database
 * synchronously (better-sqlite3) and the socket joins its rooms in the same turn of the event loop, so
 * no live event can slip in before, between or after the replayed ones.
 */
export function registerHandlers(socket: RealtimeSocket, reports: ReportsService): void {
  socket.on('sync:resume', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const user = socket.data.user;
    if (!user) return ack({ ok: false, error: { code: 'unauthenticated', message: 'Staff only: sign in first.' } });
    const afterEventId = Number(payload?.afterEventId);
    if (!Number.isInteger(afterEventId) || afterEventId < 0) {
      return ack({
        ok: false,
        error: { code: 'validation_failed', message: 'afterEventId must be a non-negative integer' },
      });
    }
    const scope = user.role === 'staff' ? { unitId: user.unitId ?? -1 } : {};
    const missed = reports.eventsAfter(afterEventId, MAX_REPLAY, scope);
    if (missed === null) {
      return ack({
        ok: false,
        error: { code: 'resync_required', message: 'Too many events missed: reload the list.' },
      });
    }
    let replayed = 0;
    const viewer = roomViewer(user.role, user.unitId);
    for (const { event, report } of missed) {
      if (user.role === 'staff' && !unitEntitled(event, user.unitId ?? -1)) continue;
      const payload = { eventId: event.id, report: reports.staffView(report, viewer) };
      if (event.type === 'created' && user.role !== 'staff') socket.emit('report:created', payload);
      else socket.emit('report:updated', payload);
      replayed++;
    }
    // Join only now, in the same synchronous turn as the replay: every later event arrives live,
    // every earlier one was just replayed, so nothing is missed, repeated or reordered.
    joinStaffRooms(socket);
    ack({ ok: true, data: { replayed, lastEventId: missed.at(-1)?.event.id ?? afterEventId } });
  });

  socket.on('track:subscribe', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const code = typeof payload?.trackingCode === 'string' ? payload.trackingCode.trim() : '';
    const report = code ? reports.findByTrackingCode(code) : undefined;
    if (!report)
      return ack({ ok: false, error: { code: 'not_found', message: `No report has the tracking code ${code}.` } });
    void socket.join(trackRoom(report.trackingCode));
    const after = Number(payload.afterEventId);
    let lastEventId = 0;
    const events = reports.eventsAfter(0, MAX_REPLAY, { reportId: report.id }) ?? [];
    for (const { event } of events) {
      lastEventId = event.id;
      if (Number.isInteger(after) && after > 0 && event.id > after) {
        socket.emit('report:updated', { eventId: event.id, report: reports.publicView(report) });
      }
    }
    ack({ ok: true, data: { report: reports.publicView(report), lastEventId } });
  });

  socket.on('track:unsubscribe', (payload, ack) => {
    if (typeof payload?.trackingCode === 'string') void socket.leave(trackRoom(payload.trackingCode));
    if (typeof ack === 'function') ack({ ok: true, data: null });
  });
}

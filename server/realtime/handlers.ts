import {
  roleRoom,
  trackRoom,
  unitLeaderRoom,
  unitRoom,
  type CityRole,
  type HandshakeAuth,
  type StaffFeedEvent,
} from '../../shared/realtime/events';
import { isUnitScoped } from '../modules/reports/reports.policy';
import type { ReportsService } from '../modules/reports/reports.service';
import { feedKind, roomViewer } from './broadcaster';
import { unitEntitled } from './entitlement';
import type { RealtimeSocket } from './types';

/** Most events a reconnecting client may have missed before it must reload its snapshot instead. */
export const MAX_REPLAY = 5000;
/** Events per `report:batch` frame of a replay. */
export const REPLAY_FRAME_EVENTS = 500;

/** Puts a staff socket in the rooms its role entitles it to. */
export function joinStaffRooms(socket: RealtimeSocket): void {
  const user = socket.data.user;
  if (!user) return;
  // Unit staff and a unit's leader get their unit's reports only; the leaders in a room of their own,
  // since a report's actions depend on the role (a leader's: none, as over HTTP).
  if (isUnitScoped(user)) {
    if (user.unitId !== null)
      void socket.join(user.role === 'leader' ? unitLeaderRoom(user.unitId) : unitRoom(user.unitId));
  } else {
    void socket.join(roleRoom(user.role as CityRole));
  }
}

/** The handshake's `lastEventId`, or null when absent or not a non-negative integer. */
function handshakeLastEventId(auth: unknown): number | null {
  const value = (auth as HandshakeAuth | undefined)?.lastEventId;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Replays what a reconnecting staff socket missed, then joins its rooms. Both happen in this one
 * synchronous turn (better-sqlite3 reads synchronously, and publishing runs after each commit on the
 * same thread), so no live event can arrive before, between or after the replayed ones. `flushLive`
 * first sends the live events already published but still waiting for the end of their turn: they are
 * in the database, so the replay has them, and the socket must not get them again once in its rooms.
 */
export function startStaffFeed(
  socket: RealtimeSocket,
  reports: ReportsService,
  flushLive: () => void,
  maxReplay = MAX_REPLAY,
): void {
  const user = socket.data.user;
  if (!user) return;
  flushLive();
  const after = handshakeLastEventId(socket.handshake.auth);
  if (after !== null) {
    const scope = isUnitScoped(user) ? { unitId: user.unitId ?? -1 } : {};
    const newest = reports.lastEventId();
    // An id this database never reached (it was restored from a backup, or replaced): the client would
    // take every new event up to its id for one it had seen and drop it. It must reload instead.
    const missed = after > newest ? null : reports.eventsAfter(after, maxReplay, scope);
    if (missed === null) {
      const reason = after > newest ? 'unknown_last_event' : 'too_many_missed';
      socket.emit('feed:resync', { reason, lastEventId: newest });
    } else {
      const viewer = roomViewer(user.role, user.unitId);
      let frame: StaffFeedEvent[] = [];
      for (const { event, report } of missed) {
        if (isUnitScoped(user) && !unitEntitled(event, user.unitId ?? -1)) continue;
        const kind = feedKind(event.type, !isUnitScoped(user));
        frame.push({ kind, eventId: event.id, report: reports.staffView(report, viewer) });
        if (frame.length === REPLAY_FRAME_EVENTS) {
          socket.emit('report:batch', { events: frame });
          frame = [];
        }
      }
      if (frame.length > 0) socket.emit('report:batch', { events: frame });
    }
  }
  joinStaffRooms(socket);
}

/**
 * A resident's commands: follow and unfollow reports by tracking code. `trackLookup` counts a lookup
 * against the client's budget (shared with HTTP `/api/track`): null when allowed, else seconds to wait.
 */
export function registerHandlers(
  socket: RealtimeSocket,
  reports: ReportsService,
  trackLookup?: () => number | null,
): void {
  socket.on('track:subscribe', (payload, ack) => {
    if (typeof ack !== 'function') return;
    const wait = trackLookup?.() ?? null;
    if (wait !== null)
      return ack({
        ok: false,
        error: { code: 'rate_limited', message: `Too many tracking-code lookups. Try again in ${wait} s.` },
      });
    const code = typeof payload?.trackingCode === 'string' ? payload.trackingCode.trim() : '';
    const report = code ? reports.findByTrackingCode(code) : undefined;
    // A report held for review looks like one just received (and is followed live if it is released).
    const held = !report && code ? reports.heldPublicView(code) : undefined;
    if (held) {
      void socket.join(trackRoom(held.trackingCode));
      return ack({ ok: true, data: { report: held, lastEventId: 0 } });
    }
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

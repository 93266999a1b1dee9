import {
  roleRoom,
  trackRoom,
  unitLeaderRoom,
  unitRoom,
  type CityRole,
  type StaffFeedEvent,
} from '../../shared/realtime/events';
import type { AuthUser } from '../modules/auth/auth.service';
import type { CommittedEvent, ReportEventSink } from '../modules/reports/report-writer';
import type { ReportsService } from '../modules/reports/reports.service';
import { unitEntitled } from './entitlement';
import type { RealtimeServer } from './types';

const CITY_ROLES: CityRole[] = ['operator', 'admin', 'leader'];

/** Shortest time between two staff frames under load (a receipt waits at most this much longer). */
export const STAFF_FRAME_MS = 10;

/**
 * An event's kind in a staff frame: `created` only for a city-wide room (a unit's room first sees a
 * report when it is dispatched, as a change). The live push and the replay both use it.
 */
export const feedKind = (eventType: string, cityWide: boolean): StaffFeedEvent['kind'] =>
  cityWide && eventType === 'created' ? 'created' : 'updated';

/** A stand-in user for presenting a report to a whole room (actions depend only on role and unit). */
export function roomViewer(role: AuthUser['role'], unitId: number | null): AuthUser {
  return { id: 0, username: '', displayName: '', role, unitId, unitName: null };
}

/**
 * The only code that emits live events. Called after each commit, in event order: each room gets the
 * projection it is entitled to (city roles and units the staff view, a tracking room the public view).
 *
 * Staff rooms get their events in `report:batch` frames, at most one per room every `frameMs`: a
 * storm's filings would otherwise be one frame per report for every dashboard to write and to read
 * (at 1,000 filings a second and 50 dashboards, a fifth of the server's time went to `writev`). After
 * a quiet spell the frame leaves at the end of the turn that committed (process.nextTick runs once the
 * turn's promise continuations, which publish, have run), so a lone change waits for nothing; under
 * load a frame leaves `frameMs` after the previous one, with everything committed meanwhile. A
 * tracking room follows one report and gets its events singly, at once.
 */
export class Broadcaster implements ReportEventSink {
  /** Staff events published and not yet sent, by room, in event order. */
  private pending = new Map<string, StaffFeedEvent[]>();
  private scheduled = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly io: RealtimeServer,
    private readonly reports: ReportsService,
    private readonly frameMs = STAFF_FRAME_MS,
  ) {}

  published({ event, report }: CommittedEvent): void {
    for (const role of CITY_ROLES) {
      const room = roleRoom(role);
      if (!this.hasMembers(room)) continue;
      const view = this.reports.staffView(report, roomViewer(role, null));
      this.queue(room, { kind: feedKind(event.type, true), eventId: event.id, report: view });
    }
    for (const unitId of new Set([event.unitId, event.prevUnitId])) {
      if (unitId === null || !unitEntitled(event, unitId)) continue;
      for (const [role, room] of [
        ['staff', unitRoom(unitId)],
        ['leader', unitLeaderRoom(unitId)],
      ] as const) {
        if (!this.hasMembers(room)) continue;
        const view = this.reports.staffView(report, roomViewer(role, unitId));
        this.queue(room, { kind: feedKind(event.type, false), eventId: event.id, report: view });
      }
    }
    const track = trackRoom(report.trackingCode);
    if (this.hasMembers(track)) {
      this.io.to(track).emit('report:updated', { eventId: event.id, report: this.reports.publicView(report) });
    }
  }

  /**
   * Sends what is pending now. A staff socket's replay calls this first: its rooms must not receive,
   * after the replay, an event the replay already read from the database.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.scheduled = false;
    if (this.pending.size === 0) return;
    this.lastFlush = performance.now();
    const pending = this.pending;
    this.pending = new Map();
    for (const [room, events] of pending) this.io.to(room).emit('report:batch', { events });
  }

  private queue(room: string, item: StaffFeedEvent): void {
    const list = this.pending.get(room);
    if (list) list.push(item);
    else this.pending.set(room, [item]);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlush + this.frameMs - performance.now();
    if (wait <= 0) process.nextTick(() => this.scheduled && this.flush());
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  // Presenting is the costly part; skip rooms nobody is in.
  private hasMembers(room: string): boolean {
    return (this.io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  }
}

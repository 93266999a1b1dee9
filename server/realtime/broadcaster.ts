import { roleRoom, trackRoom, unitRoom, type CityRole } from '../../shared/realtime/events';
import type { AuthUser } from '../modules/auth/auth.service';
import type { CommittedEvent, ReportEventSink } from '../modules/reports/report-writer';
import type { ReportsService } from '../modules/reports/reports.service';
import { unitEntitled } from './entitlement';
import type { RealtimeServer } from './types';

const CITY_ROLES: CityRole[] = ['operator', 'admin', 'leader'];

/** A stand-in user for presenting a report to a whole room (actions depend only on role and unit). */
export function roomViewer(role: AuthUser['role'], unitId: number | null): AuthUser {
  return { id: 0, username: '', displayName: '', role, unitId, unitName: null };
}

/**
 * The only code that emits. Called after each commit, in event order: each room gets the projection
 * it is entitled to (city roles and units the staff view, a tracking room the public view).
 */
export class Broadcaster implements ReportEventSink {
  constructor(
    private readonly io: RealtimeServer,
    private readonly reports: ReportsService,
  ) {}

  published({ event, report }: CommittedEvent): void {
    const name = event.type === 'created' ? 'report:created' : 'report:updated';
    for (const role of CITY_ROLES) {
      const room = roleRoom(role);
      if (!this.hasMembers(room)) continue;
      this.io
        .to(room)
        .emit(name, { eventId: event.id, report: this.reports.staffView(report, roomViewer(role, null)) });
    }
    for (const unitId of new Set([event.unitId, event.prevUnitId])) {
      if (unitId === null || !unitEntitled(event, unitId)) continue;
      const room = unitRoom(unitId);
      if (!this.hasMembers(room)) continue;
      const payload = { eventId: event.id, report: this.reports.staffView(report, roomViewer('staff', unitId)) };
      this.io.to(room).emit('report:updated', payload);
    }
    const track = trackRoom(report.trackingCode);
    if (this.hasMembers(track)) {
      this.io.to(track).emit('report:updated', { eventId: event.id, report: this.reports.publicView(report) });
    }
  }

  // Presenting is the costly part; skip rooms nobody is in.
  private hasMembers(room: string): boolean {
    return (this.io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  }
}

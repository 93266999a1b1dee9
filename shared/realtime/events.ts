import type { Ack } from '../schemas/common';
import type { PublicReportView, StaffReportView } from '../schemas/reports';

/**
 * Payload of a staff report event: the event's sequence number and the report as it is now. Its
 * `actions` are those of the receiving socket's role (and unit): each role and unit has its own room.
 */
export interface StaffReportEvent {
  eventId: number;
  report: StaffReportView;
}

/** Payload of a resident's report event: the public view only. */
export interface PublicReportEvent {
  eventId: number;
  report: PublicReportView;
}

/** Server -> client events: facts. */
export interface ServerToClientEvents {
  /** A new report was filed (staff rooms only). */
  'report:created': (payload: StaffReportEvent) => void;
  /** A report changed; staff rooms get the staff view, a tracking room the public view. */
  'report:updated': (payload: StaffReportEvent | PublicReportEvent) => void;
}

/** Answer to `sync:resume`: how many missed events were replayed before the ack. */
export interface ResumeResult {
  replayed: number;
  lastEventId: number;
}

/** Client -> server events: commands, each answered with a typed ack. */
export interface ClientToServerEvents {
  /** Follow one report by its tracking code; missed events after `afterEventId` are replayed first. */
  'track:subscribe': (
    payload: { trackingCode: string; afterEventId?: number },
    ack: (res: Ack<{ report: PublicReportView; lastEventId: number }>) => void,
  ) => void;
  /** Stop following a report. */
  'track:unsubscribe': (payload: { trackingCode: string }, ack: (res: Ack<null>) => void) => void;
  /**
   * Staff: replay every event after `afterEventId` this socket is entitled to, in order, then start
   * live delivery. Send it on every (re)connect, with the snapshot's `lastEventId` the first time and
   * the last applied event id after; a staff socket receives nothing until it has sent this.
   */
  'sync:resume': (payload: { afterEventId: number }, ack: (res: Ack<ResumeResult>) => void) => void;
}

/** Nothing server-to-server. */
export type InterServerEvents = Record<string, never>;

/** City-wide staff roles: each has its own room, since the actions a report offers depend on the role. */
export type CityRole = 'operator' | 'admin' | 'leader';
/** Room name for everyone of a city-wide role (the IOC's operators, admins, leaders). */
export const roleRoom = (role: CityRole): string => `role:${role}`;
/** Room name for one unit's staff. */
export const unitRoom = (unitId: number): string => `unit:${unitId}`;
/** Room name for residents following one report. */
export const trackRoom = (trackingCode: string): string => `track:${trackingCode}`;

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

/**
 * One event in a staff batch. `kind` is `created` for a new report in a city-wide room (the IOC's
 * inbox); a unit's room gets every event as `updated` (a report reaches a unit when it is dispatched).
 */
export interface StaffFeedEvent extends StaffReportEvent {
  kind: 'created' | 'updated';
}

/**
 * A staff room's frame: the events committed since the room's previous frame, in event order (a
 * storm's filings come a few frames a second per room instead of one frame per report and screen;
 * after a quiet spell a change comes at once). A replay after a reconnect comes as such frames too,
 * before any live one.
 */
export interface StaffFeedBatch {
  events: StaffFeedEvent[];
}

/** Payload of a resident's report event: the public view only. */
export interface PublicReportEvent {
  eventId: number;
  report: PublicReportView;
}

/** Server -> client events: facts. */
export interface ServerToClientEvents {
  /** Staff rooms: reports filed and changed, each in the view of the room's role (and unit). */
  'report:batch': (payload: StaffFeedBatch) => void;
  /** A tracking room: the followed report changed (the public view). */
  'report:updated': (payload: PublicReportEvent) => void;
  /**
   * The handshake's `lastEventId` is too far behind to replay (or unknown): reload the list over HTTP,
   * then reconnect with the snapshot's `lastEventId`. Live events keep coming meanwhile.
   */
  'feed:resync': (payload: { reason: string; lastEventId: number }) => void;
}

/**
 * What a socket sends in its handshake (`io({ auth })`; pass a function so every reconnection sends
 * the current value). With `lastEventId`, a staff socket first receives every event after it that it
 * is entitled to, in order, then live events: replay and room join happen in one step, so nothing is
 * missed, repeated or reordered. Without it, the socket receives live events from now on.
 */
export interface HandshakeAuth {
  lastEventId?: number;
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
}

/** Nothing server-to-server. */
export type InterServerEvents = Record<string, never>;

/** City-wide staff roles: each has its own room, since the actions a report offers depend on the role. */
export type CityRole = 'operator' | 'admin' | 'leader';
/** Room name for everyone of a city-wide role (the IOC's operators, admins, leaders). */
export const roleRoom = (role: CityRole): string => `role:${role}`;
/** Room name for one unit's staff. */
export const unitRoom = (unitId: number): string => `unit:${unitId}`;
/** Room name for one unit's leaders: the unit's reports, with the actions a leader has (none). */
export const unitLeaderRoom = (unitId: number): string => `unit:${unitId}:leader`;
/** Room name for residents following one report. */
export const trackRoom = (trackingCode: string): string => `track:${trackingCode}`;

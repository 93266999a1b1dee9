import type { ActorRole } from '../../../shared/domain/roles';
import { AppError } from '../../domain/app-error';
import type { AuthUser } from '../auth/auth.service';
import type { EventRow, NewReportRow, ReportRow, ReportsRepository } from './reports.repository';

/** A committed change, handed to the realtime layer after the transaction. */
export interface CommittedEvent {
  event: EventRow;
  report: ReportRow;
}

/** Receives every committed event, in order (the realtime broadcaster, the public map cache). */
export interface ReportEventSink {
  published(e: CommittedEvent): void;
}

/** Who is acting: a signed-in user, the resident holding the code, or the system. */
export type Actor = { user: AuthUser } | { role: 'resident' | 'system' };

/** The role and user id an event records for an actor. */
export const actorFields = (a: Actor): { actorRole: ActorRole; actorUserId: number | null } =>
  'user' in a ? { actorRole: a.user.role, actorUserId: a.user.id } : { actorRole: a.role, actorUserId: null };

/** A photo already processed and stored, to be linked to the event that brought it. */
export interface StoredPhoto {
  id: string;
  width: number;
  height: number;
  bytes: number;
}

/** One change to one report: what it sets, and what its event says. */
export interface ReportChange {
  type: string;
  patch: Partial<NewReportRow>;
  publicNote?: string | null;
  internalNote?: string | null;
  photos?: readonly StoredPhoto[];
}

/**
 * Every change to a report goes through here: the update (only if the report still has the version
 * the caller saw), its `report_events` row and its photos in one synchronous transaction, then the
 * listeners after the commit, in event order.
 */
export class ReportWriter {
  private readonly sinks: ReportEventSink[] = [];

  constructor(private readonly repo: ReportsRepository) {}

  /** Registers a listener for committed events. */
  onCommitted(sink: ReportEventSink): void {
    this.sinks.push(sink);
  }

  /** Hands committed events to every listener; call only after the transaction committed. */
  publish(events: readonly CommittedEvent[]): void {
    for (const e of events) for (const sink of this.sinks) sink.published(e);
  }

  /**
   * Applies a change inside the caller's transaction; 409 when someone changed the report first.
   * `now` stamps the event and the report's `updatedAt`.
   */
  applyInTransaction(
    row: ReportRow,
    expectedVersion: number,
    change: ReportChange,
    actor: Actor,
    now: number,
  ): CommittedEvent {
    const updated = this.repo.updateIfVersion(row.id, expectedVersion, { ...change.patch, updatedAt: now });
    if (!updated) {
      const current = this.repo.findById(row.id)!;
      throw new AppError(
        'version_conflict',
        `The report changed (now version ${current.version}, status ${current.status}); reload it and try again.`,
      );
    }
    const event = this.repo.insertEvent({
      reportId: row.id,
      type: change.type,
      fromStatus: row.status,
      toStatus: updated.status,
      unitId: updated.unitId,
      prevUnitId: updated.unitId !== row.unitId ? row.unitId : null,
      publicNote: change.publicNote ?? null,
      internalNote: change.internalNote ?? null,
      createdAt: now,
      ...actorFields(actor),
    });
    for (const p of change.photos ?? [])
      this.repo.insertPhoto({ ...p, reportId: row.id, eventId: event.id, createdAt: now });
    return { event, report: updated };
  }

  /** One change in its own transaction, published after the commit. */
  change(row: ReportRow, expectedVersion: number, change: ReportChange, actor: Actor, now: number): ReportRow {
    const committed = this.repo.transaction(() => this.applyInTransaction(row, expectedVersion, change, actor, now));
    this.publish([committed]);
    return committed.report;
  }
}

import { transitionFor } from '../../../shared/domain/lifecycle';
import type { ActorRole } from '../../../shared/domain/roles';
import type { Channel } from '../../../shared/domain/channels';
import type {
  CreateReportData,
  CreateReportResult,
  PublicReportView,
  ReportList,
  StaffReportDetail,
  StaffReportView,
  TransitionInput,
} from '../../../shared/schemas/reports';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import { stableHash } from '../../domain/stable-hash';
import { makeTrackingCode } from '../../domain/tracking-code';
import { computeDueAt, DEFAULT_CALENDAR, localDate, type WorkingCalendar } from '../../domain/working-time';
import type { AuthUser } from '../auth/auth.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { RoutingService } from '../routing/routing.service';
import { canView, denyAction } from './reports.policy';
import { planTransition } from './reports.transitions';
import { presentCreated, presentDetail, presentPublic, presentStaff } from './reports.presenter';
import type { EventRow, NewReportRow, ReportRow, ReportsRepository } from './reports.repository';

/** A committed change, handed to the realtime layer after the transaction. */
export interface CommittedEvent {
  event: EventRow;
  report: ReportRow;
}

/** Receives every committed event, in order (the realtime broadcaster). */
export interface ReportEventSink {
  published(e: CommittedEvent): void;
}

/** Who is acting: a signed-in user, the resident holding the code, or the system. */
export type Actor = { user: AuthUser } | { role: 'resident' | 'system' };

const actorRole = (a: Actor): ActorRole => ('user' in a ? a.user.role : a.role);
const actorUserId = (a: Actor): number | null => ('user' in a ? a.user.id : null);

/** How long after resolution a resident may still reopen a report. */
const REOPEN_WINDOW_MS = 7 * 86_400_000;

/** Filing, following and moving reports through their lifecycle. */
export class ReportsService {
  private readonly sinks: ReportEventSink[] = [];

  constructor(
    private readonly repo: ReportsRepository,
    private readonly catalog: CatalogService,
    private readonly routing: RoutingService,
    private readonly clock: Clock,
    private readonly options: { codePrefix: string; calendar?: WorkingCalendar },
  ) {}

  /** Registers a listener for committed events (called after each commit, in event order). */
  onCommitted(sink: ReportEventSink): void {
    this.sinks.push(sink);
  }

  /**
   * Files a report: validates the category, routes it, sets its deadline and tracking code, and writes
   * the report, its `created` event and the idempotency key in one transaction. The same key with the
   * same body returns the report already filed; with another body it is refused.
   */
  create(
    input: CreateReportData,
    opts: { idempotencyKey?: string; channel?: Channel; actor?: Actor } = {},
  ): { result: CreateReportResult; replayed: boolean } {
    const snap = this.catalog.current();
    const category = snap.categoryByCode.get(input.categoryCode);
    if (!category) {
      throw new AppError('validation_failed', `Unknown category "${input.categoryCode}".`, [
        { path: 'categoryCode', message: `is not a known category (see GET /api/categories)` },
      ]);
    }
    const requestHash = opts.idempotencyKey ? stableHash(input) : '';
    const actor = opts.actor ?? { role: 'resident' };
    const now = this.clock.now();
    const routed = this.routing.route(input, category.code);
    const calendar = this.options.calendar ?? DEFAULT_CALENDAR;
    const yymm = localDate(now, calendar).slice(2, 7).replace('-', '');

    const committed = this.repo.transaction(() => {
      if (opts.idempotencyKey) {
        const seen = this.repo.findIdempotencyKey(opts.idempotencyKey);
        if (seen) {
          if (seen.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
          return { report: this.repo.findById(seen.reportId)!, event: null };
        }
      }
      let code = makeTrackingCode(this.options.codePrefix, yymm);
      while (this.repo.trackingCodeExists(code)) code = makeTrackingCode(this.options.codePrefix, yymm);
      const row: NewReportRow = {
        trackingCode: code,
        categoryCode: category.code,
        lat: input.lat,
        lng: input.lng,
        address: input.address ?? null,
        description: input.description,
        channel: input.channel ?? opts.channel ?? 'web',
        areaCode: routed.area?.code ?? null,
        areaName: routed.area?.nameVi ?? null,
        unitId: routed.unit.id,
        priority: category.defaultPriority,
        status: 'received',
        reporterName: input.contact?.name ?? null,
        reporterPhone: input.contact?.phone ?? null,
        reporterEmail: input.contact?.email ?? null,
        createdAt: now,
        updatedAt: now,
        dueAt: computeDueAt(
          now,
          { value: category.deadlineValue, unit: category.deadlineUnit as 'hours' | 'working_days' },
          calendar,
        ),
      };
      const report = this.repo.insertReport(row);
      const event = this.repo.insertEvent({
        reportId: report.id,
        type: 'created',
        fromStatus: null,
        toStatus: 'received',
        unitId: report.unitId,
        actorUserId: actorUserId(actor),
        actorRole: actorRole(actor),
        createdAt: now,
      });
      if (opts.idempotencyKey) this.repo.insertIdempotencyKey(opts.idempotencyKey, requestHash, report.id, now);
      return { report, event };
    });

    if (committed.event) this.publish([{ event: committed.event, report: committed.report }]);
    return { result: presentCreated(committed.report, snap), replayed: committed.event === null };
  }

  /** The public view of a report by tracking code; 404 when unknown. */
  track(trackingCode: string): PublicReportView {
    const row = this.repo.findByTrackingCode(trackingCode);
    if (!row) throw new AppError('not_found', `No report has the tracking code ${trackingCode}.`);
    return presentPublic(row, this.repo.eventsOf(row.id), this.catalog.current());
  }

  /** The public view of a report by id (for the realtime layer). */
  publicView(row: ReportRow): PublicReportView {
    return presentPublic(row, this.repo.eventsOf(row.id), this.catalog.current());
  }

  /**
   * Committed events after `afterId`, in order, with each report as it is now (for resuming a feed).
   * Returns null when more than `limit` were missed: the client should reload its snapshot instead.
   */
  eventsAfter(
    afterId: number,
    limit: number,
    scope: { unitId?: number; reportId?: number } = {},
  ): CommittedEvent[] | null {
    const events = this.repo.eventsAfter(afterId, limit + 1, scope);
    if (events.length > limit) return null;
    const rows = new Map<number, ReportRow>();
    return events.map((event) => {
      let report = rows.get(event.reportId);
      if (!report) {
        report = this.repo.findById(event.reportId)!;
        rows.set(event.reportId, report);
      }
      return { event, report };
    });
  }

  /** The report behind a tracking code, or undefined. */
  findByTrackingCode(code: string): ReportRow | undefined {
    return this.repo.findByTrackingCode(code);
  }

  /** The id of the newest event of all. */
  lastEventId(): number {
    return this.repo.lastEventId();
  }

  /** A staff user's list: unit staff see only their unit's dispatched reports. */
  list(
    user: AuthUser,
    query: { status?: string[]; unitId?: number; categoryCode?: string; limit: number },
  ): ReportList {
    const scopedToUnit = user.role === 'staff';
    if (scopedToUnit && user.unitId === null) return { items: [], lastEventId: this.repo.lastEventId() };
    // The snapshot and its event id are read in one transaction, so deltas after it apply cleanly.
    return this.repo.transaction(() => {
      const rows = this.repo.list({
        statuses: query.status,
        excludeStatuses: scopedToUnit ? ['received'] : undefined,
        unitId: scopedToUnit ? user.unitId! : query.unitId,
        categoryCode: query.categoryCode,
        limit: query.limit,
      });
      const snap = this.catalog.current();
      return { items: rows.map((r) => presentStaff(r, snap, user)), lastEventId: this.repo.lastEventId() };
    });
  }

  /** One report with its timeline; another unit's report answers 404, as if it did not exist. */
  get(user: AuthUser, id: number): StaffReportDetail {
    const row = this.repo.findById(id);
    if (!row || !canView(user, row)) throw new AppError('not_found', `Report ${id} not found.`);
    const events = this.repo.eventsOf(row.id);
    const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((x): x is number => x !== null))];
    return presentDetail(row, events, this.catalog.current(), user, this.repo.userNames(actorIds));
  }

  /** The staff view of a row for one user (realtime), or null when they may not see it. */
  staffView(row: ReportRow, user: AuthUser | null): StaffReportView {
    return presentStaff(row, this.catalog.current(), user);
  }

  /**
   * Moves a report through the lifecycle on behalf of a staff user. The caller's `version` must be
   * the report's current one: a stale one gets 409 instead of silently overwriting someone's change.
   */
  transition(user: AuthUser, id: number, input: TransitionInput): StaffReportView {
    const row = this.repo.findById(id);
    if (!row) throw new AppError('not_found', `Report ${id} not found.`);
    const denied = denyAction(user, row, input.action);
    if (denied === 'not_found') throw new AppError('not_found', `Report ${id} not found.`);
    if (denied === 'forbidden')
      throw new AppError('forbidden', `The ${user.role} role may not ${input.action} a report.`);
    if (denied === 'transition_not_allowed') {
      throw new AppError(
        'transition_not_allowed',
        `A report in status "${row.status}" cannot be sent to ${input.action}.`,
      );
    }
    const updated = this.applyTransition(row, input, { user });
    return presentStaff(updated, this.catalog.current(), user);
  }

  /** A resident's action through the tracking code: confirm (close) or reopen within the window. */
  residentAction(trackingCode: string, input: { action: 'close' | 'reopen'; reason?: string }): PublicReportView {
    const row = this.repo.findByTrackingCode(trackingCode);
    if (!row) throw new AppError('not_found', `No report has the tracking code ${trackingCode}.`);
    if (row.status !== 'resolved') {
      throw new AppError(
        'transition_not_allowed',
        `A report in status "${row.status}" cannot be sent to ${input.action}.`,
      );
    }
    if (input.action === 'reopen' && row.resolvedAt !== null && this.clock.now() - row.resolvedAt > REOPEN_WINDOW_MS) {
      throw new AppError(
        'transition_not_allowed',
        'The report was resolved more than 7 days ago; call the hotline to reopen it.',
      );
    }
    const updated = this.applyTransition(
      row,
      { action: input.action, version: row.version, reason: input.reason },
      { role: 'resident' },
    );
    return this.publicView(updated);
  }

  private applyTransition(row: ReportRow, input: TransitionInput, actor: Actor): ReportRow {
    const now = this.clock.now();
    const { patch, publicNote, internalNote, original } = planTransition(row, input, {
      catalog: this.catalog.current(),
      now,
      findOriginal: (code) => this.repo.findByTrackingCode(code),
    });
    const rule = transitionFor(input.action);

    const committed = this.repo.transaction(() => {
      const updated = this.repo.updateIfVersion(row.id, input.version, patch);
      if (!updated) {
        const current = this.repo.findById(row.id)!;
        throw new AppError(
          'version_conflict',
          `The report changed (now version ${current.version}, status ${current.status}); reload it and try again.`,
        );
      }
      const out: CommittedEvent[] = [
        {
          report: updated,
          event: this.repo.insertEvent({
            reportId: row.id,
            type: input.action,
            fromStatus: row.status,
            toStatus: rule.to,
            unitId: updated.unitId,
            prevUnitId: updated.unitId !== row.unitId ? row.unitId : null,
            actorUserId: actorUserId(actor),
            actorRole: actorRole(actor),
            publicNote,
            internalNote,
            createdAt: now,
          }),
        },
      ];
      if (original) out.push(this.mergeInto(original, row, actor, now));
      return out;
    });
    this.publish(committed);
    return committed[0]!.report;
  }

  /** The original of a duplicate counts the duplicate's reporters (a priority signal). */
  private mergeInto(original: ReportRow, duplicate: ReportRow, actor: Actor, now: number): CommittedEvent {
    const report = this.repo.updateIfVersion(original.id, original.version, {
      reporterCount: original.reporterCount + duplicate.reporterCount,
      updatedAt: now,
    });
    if (!report) throw new AppError('version_conflict', 'The original report changed at the same time; try again.');
    const event = this.repo.insertEvent({
      reportId: original.id,
      type: 'duplicate_merged',
      fromStatus: original.status,
      toStatus: original.status,
      unitId: original.unitId,
      actorUserId: actorUserId(actor),
      actorRole: actorRole(actor),
      internalNote: `${duplicate.trackingCode} merged into this report`,
      createdAt: now,
    });
    return { report, event };
  }

  private publish(events: CommittedEvent[]): void {
    for (const e of events) for (const sink of this.sinks) sink.published(e);
  }
}

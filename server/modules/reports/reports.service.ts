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
import { localDate } from '../../domain/working-time';
import type { CalendarService } from '../deadlines/calendar.service';
import type { AuthUser } from '../auth/auth.service';
import { questionsOf } from '../catalog/catalog.presenter';
import type { CatalogService } from '../catalog/catalog.service';
import type { ResidentTokens } from '../residents/resident-tokens';
import type { RoutingService } from '../routing/routing.service';
import { validateAttributes } from './attributes';
import { actorFields, type Actor, type CommittedEvent, type ReportWriter, type StoredPhoto } from './report-writer';
import { canView, denyAction, isUnitScoped } from './reports.policy';
import { presentCreated, presentDetail, presentPublic, presentStaff } from './reports.presenter';
import type { ReportRow, ReportsRepository } from './reports.repository';
import { planTransition } from './reports.transitions';
import { withPhotos, type PhotoIngest } from './with-photos';
import { newReportRow } from './new-report';
import { heldAsReport, type Sender, type SenderGate } from '../spam/sender';
import type { HeldRow, SpamRepository } from '../spam/spam.repository';

/** Filing reports and moving them through their lifecycle on behalf of staff. */
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly writer: ReportWriter,
    private readonly catalog: CatalogService,
    private readonly routing: RoutingService,
    private readonly tokens: ResidentTokens,
    private readonly photos: PhotoIngest,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly options: { codePrefix: string },
    private readonly gate: SenderGate,
    private readonly held: SpamRepository,
  ) {}

  /**
   * Files a report: checks the category and its questions, routes it (by its point, or by the ward
   * picked for a report filed by address), sets its deadline and tracking code, stores its photos, and
   * writes the report, its `created` event, its photos and the idempotency key in one transaction. The
   * same key with the same body returns the report already filed; with another body it is refused.
   */
  async create(
    input: CreateReportData,
    opts: {
      idempotencyKey?: string;
      channel?: Channel;
      actor?: Actor;
      photos?: { bytes: Buffer }[];
      /** The API client that filed it (an Open311 key's name). */
      apiClient?: string;
      /** Who sent it (device id, network address): a blocked sender's report is held for review. */
      sender?: Sender;
      /** Files a held report an operator released, under its tracking code, with its stored photos. */
      release?: { held: HeldRow; by: AuthUser };
    } = {},
  ): Promise<{ result: CreateReportResult; replayed: boolean }> {
    const snap = this.catalog.current();
    const category = snap.categoryByCode.get(input.categoryCode);
    if (!category || !category.active) {
      throw new AppError('validation_failed', `Unknown category "${input.categoryCode}".`, [
        { path: 'categoryCode', message: 'is not a known category (see GET /api/categories)' },
      ]);
    }
    const attributes = validateAttributes(questionsOf(category), input.attributes);
    const routed =
      input.lat !== undefined && input.lng !== undefined
        ? this.routing.route({ lat: input.lat, lng: input.lng }, category.code)
        : this.routing.routeByArea(input.areaCode!, category.code);
    // Photos are part of the request: a retry that re-sends them must still match.
    const requestHash = opts.idempotencyKey
      ? stableHash({ input, photos: opts.photos?.map((f) => stableHash(f.bytes.toString('base64'))) })
      : '';
    const replay = opts.idempotencyKey ? this.replay(opts.idempotencyKey, requestHash) : null;
    if (replay) return { result: replay, replayed: true };
    const release = opts.release;
    const sender = release
      ? { device: release.held.senderDevice, address: release.held.senderAddress }
      : this.gate.hashes(opts.sender);
    const holdReason = release ? null : this.gate.holdReason(sender, input.website);
    // A released report's photos are stored already (and stay with it if filing fails).
    const storing = release
      ? <T>(write: (stored: StoredPhoto[]) => Promise<T>) => write(JSON.parse(release.held.photos) as StoredPhoto[])
      : <T>(write: (stored: StoredPhoto[]) => Promise<T>) => withPhotos(this.photos, opts.photos, write);

    return storing(async (stored) => {
      const actor = opts.actor ?? { role: 'resident' };
      const now = this.clock.now();
      const calendar = this.calendar.current();
      const yymm = localDate(now, calendar).slice(2, 7).replace('-', '');
      // Shares its commit (and fsync) with the other reports filed in this turn of the event loop.
      const committed = await this.repo.groupedTransaction(() => {
        // Checked again inside the transaction: a concurrent retry may have committed meanwhile.
        const seen = opts.idempotencyKey ? this.replay(opts.idempotencyKey, requestHash) : null;
        if (seen) return { result: seen, events: null };
        let code = release?.held.trackingCode ?? makeTrackingCode(this.options.codePrefix, yymm);
        while (!release && (this.repo.trackingCodeExists(code) || this.held.heldByCode(code)))
          code = makeTrackingCode(this.options.codePrefix, yymm);
        const row = newReportRow({
          trackingCode: code,
          input,
          category,
          attributes,
          routed,
          channel: input.channel ?? opts.channel ?? 'web',
          apiClient: opts.apiClient ?? release?.held.apiClient ?? null,
          sender,
          now,
          calendar,
        });
        if (holdReason) {
          // Held for review: the sender gets the receipt this report would have had, and nothing else.
          const held = this.held.insertHeld({
            trackingCode: code,
            input: JSON.stringify(input),
            channel: row.channel,
            apiClient: row.apiClient,
            photos: JSON.stringify(stored),
            receipt: JSON.stringify(row),
            reason: holdReason,
            senderDevice: sender.device,
            senderAddress: sender.address,
            idempotencyKey: opts.idempotencyKey ?? null,
            requestHash: opts.idempotencyKey ? requestHash : null,
            createdAt: now,
          });
          return { result: this.presentHeld(held), events: [] as CommittedEvent[] };
        }
        const report = this.repo.insertReport(row);
        const event = this.repo.insertEvent({
          reportId: report.id,
          type: 'created',
          fromStatus: null,
          toStatus: 'received',
          unitId: report.unitId,
          createdAt: now,
          ...actorFields(actor),
        });
        for (const p of stored) this.repo.insertPhoto({ ...p, reportId: report.id, eventId: event.id, createdAt: now });
        if (opts.idempotencyKey) this.repo.insertIdempotencyKey(opts.idempotencyKey, requestHash, report.id, now);
        if (release) {
          if (
            !this.held.decide(release.held.id, {
              state: 'released',
              decidedAt: now,
              decidedBy: release.by.id,
              reportId: report.id,
            })
          )
            throw new AppError('conflict', 'Another operator has already decided on this report.');
          // A retry of the original request now names the report.
          if (release.held.idempotencyKey)
            this.repo.insertIdempotencyKey(release.held.idempotencyKey, release.held.requestHash ?? '', report.id, now);
        }
        const events: CommittedEvent[] = [{ event, report }];
        // Categories that need no verification go straight to the routed unit (never when it is the IOC).
        if (category.autoDispatch && routed.unit.kind !== 'ioc') {
          events.push(
            this.writer.applyInTransaction(
              report,
              report.version,
              { type: 'auto_dispatched', patch: { status: 'assigned' } },
              { role: 'system' },
              now,
            ),
          );
        }
        return { result: this.presentNew(events.at(-1)!.report), events };
      });
      if (committed.events) this.writer.publish(committed.events);
      return { result: committed.result, replayed: committed.events === null };
    });
  }

  /** The receipt of a held report: like any other (status "received"), with a token for its sender. */
  private presentHeld(held: HeldRow): CreateReportResult {
    const { row, photos } = heldAsReport(held);
    return presentCreated(row, this.catalog.current(), this.tokens.forHeld(held.trackingCode), photos);
  }

  /** True when a report held for review carries this photo. */
  heldPhotoExists(photoId: string): boolean {
    return this.held.heldPhotoExists(photoId);
  }

  /** The public view of a still-held report by its code (what its sender sees), or undefined. */
  heldPublicView(code: string): PublicReportView | undefined {
    const held = this.held.heldByCode(code);
    if (!held || held.state === 'released') return undefined;
    const { row, event, photos } = heldAsReport(held);
    return presentPublic(row, [event], photos, this.catalog.current());
  }

  private presentNew(report: ReportRow): CreateReportResult {
    return presentCreated(
      report,
      this.catalog.current(),
      this.tokens.forReport(report.id),
      this.repo.photosOf(report.id),
    );
  }

  /** The report an idempotency key already filed, or null; 422 when the key came with another body. */
  private replay(key: string, requestHash: string): CreateReportResult | null {
    const held = this.held.heldByKey(key);
    if (held && held.state !== 'released') {
      if (held.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
      return this.presentHeld(held);
    }
    const seen = this.repo.findIdempotencyKey(key);
    if (!seen) return null;
    if (seen.requestHash !== requestHash || seen.followerId !== null) throw new AppError('idempotency_key_reused');
    return this.presentNew(this.repo.findById(seen.reportId)!);
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

  /** The public view of a report (for the realtime layer). */
  publicView(row: ReportRow) {
    return presentPublic(row, this.repo.eventsOf(row.id), this.repo.photosOf(row.id), this.catalog.current());
  }

  /** The staff view of a row for one user (realtime). */
  staffView(row: ReportRow, user: AuthUser | null): StaffReportView {
    return presentStaff(row, this.catalog.current(), user);
  }

  /** A staff user's list: unit staff see only their unit's dispatched reports. */
  list(
    user: AuthUser,
    query: { status?: string[]; unitId?: number; categoryCode?: string; limit: number },
  ): ReportList {
    const scopedToUnit = isUnitScoped(user);
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
    const row = this.visibleRow(user, id);
    const events = this.repo.eventsOf(row.id);
    const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((x): x is number => x !== null))];
    return presentDetail(
      row,
      events,
      this.repo.photosOf(row.id),
      this.catalog.current(),
      user,
      this.repo.userNames(actorIds),
    );
  }

  private visibleRow(user: AuthUser, id: number): ReportRow {
    const row = this.repo.findById(id);
    if (!row || !canView(user, row)) throw new AppError('not_found', `Report ${id} not found.`);
    return row;
  }

  /**
   * Moves a report through the lifecycle on behalf of a staff user. The caller's `version` must be
   * the report's current one: a stale one gets 409 instead of silently overwriting someone's change.
   */
  async transition(
    user: AuthUser,
    id: number,
    input: TransitionInput,
    files: { bytes: Buffer }[] = [],
  ): Promise<StaffReportView> {
    const row = this.visibleRow(user, id);
    const denied = denyAction(user, row, input.action);
    if (denied === 'forbidden')
      throw new AppError('forbidden', `The ${user.role} role may not ${input.action} a report.`);
    if (denied === 'transition_not_allowed') {
      throw new AppError(
        'transition_not_allowed',
        `A report in status "${row.status}" cannot be sent to ${input.action}.`,
      );
    }
    if (files.length && input.action !== 'resolve') {
      throw new AppError('validation_failed', 'Only a resolution takes photos (of the result).', [
        { path: 'photos', message: `are not taken by ${input.action}` },
      ]);
    }
    const updated = await withPhotos(this.photos, files, (stored) =>
      this.applyTransition(row, input, { user }, stored),
    );
    return presentStaff(updated, this.catalog.current(), user);
  }

  /** Applies an allowed lifecycle action (role and status already checked) for any actor. */
  applyTransition(row: ReportRow, input: TransitionInput, actor: Actor, photos: StoredPhoto[] = []): ReportRow {
    const now = this.clock.now();
    const plan = planTransition(row, input, {
      catalog: this.catalog.current(),
      now,
      findOriginal: (code) => this.repo.findByTrackingCode(code),
      photoCount: photos.length,
    });
    const committed = this.repo.transaction(() => {
      const out = [
        this.writer.applyInTransaction(row, input.version, { type: input.action, ...plan, photos }, actor, now),
      ];
      const original = plan.original;
      // The original of a duplicate counts the duplicate's reporters (a priority signal).
      if (original) {
        out.push(
          this.writer.applyInTransaction(
            original,
            original.version,
            {
              type: 'duplicate_merged',
              patch: { reporterCount: original.reporterCount + row.reporterCount },
              internalNote: `${row.trackingCode} merged into this report`,
            },
            actor,
            now,
          ),
        );
        // Followers, photos and residents' updates join the original; the duplicate keeps its history.
        const mergeEvent = out[1]!.event;
        this.repo.moveFollowers(row.id, original.id);
        this.repo.movePhotos(row.id, original.id, mergeEvent.id);
        for (const e of this.repo.eventsOf(row.id).filter((x) => x.type === 'comment' && x.publicNote)) {
          this.repo.insertEvent({
            reportId: original.id,
            type: 'comment',
            fromStatus: original.status,
            toStatus: original.status,
            unitId: original.unitId,
            actorRole: e.actorRole,
            actorUserId: e.actorUserId,
            publicNote: e.publicNote,
            createdAt: now,
          });
        }
      }
      return out;
    });
    this.writer.publish(committed);
    return committed[0]!.report;
  }

  /** The IOC places a report on the map (one filed by address, or a wrong pin); its area stays as filed. */
  setLocation(user: AuthUser, id: number, input: { lat: number; lng: number; version: number }): StaffReportView {
    const row = this.visibleRow(user, id);
    if (user.role !== 'operator' && user.role !== 'admin')
      throw new AppError('forbidden', 'Only the IOC places reports on the map.');
    const updated = this.writer.change(
      row,
      input.version,
      { type: 'located', patch: { lat: input.lat, lng: input.lng } },
      { user },
      this.clock.now(),
    );
    return presentStaff(updated, this.catalog.current(), user);
  }
}

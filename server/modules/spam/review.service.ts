import type { Channel } from '../../../shared/domain/channels';
import type { CreateReportData } from '../../../shared/schemas/reports';
import type {
  BlockedSenderList,
  HeldReportList,
  HeldReportView,
  HoldReason,
  ReleasedReport,
} from '../../../shared/schemas/review';
import type { z } from 'zod';
import type { BlockSenderInput as BlockSenderSchema } from '../../../shared/schemas/review';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { ReportsService } from '../reports/reports.service';
import type { PhotoIngest } from '../reports/with-photos';
import { presentPhoto } from '../reports/reports.presenter';
import type { ReportsRepository } from '../reports/reports.repository';
import { heldAsReport } from './sender';
import type { HeldRow, SpamRepository } from './spam.repository';

/** An address block ends by itself after a day: behind a carrier's NAT, one address is many phones. */
export const ADDRESS_BLOCK_MS = 24 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The IOC's review queue of held reports (release files one under its tracking code; discard drops it)
 * and "block this sender": later reports from a blocked device or address are held for review while
 * their sender sees a normal receipt. Every decision and block is in the audit log.
 */
export class ReviewService {
  constructor(
    private readonly repo: SpamRepository,
    private readonly reportsRepo: ReportsRepository,
    private readonly reports: ReportsService,
    private readonly photos: PhotoIngest,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The held reports, newest first (the reporters' contact included: IOC operators may see it). */
  list(limit = 200): HeldReportList {
    return {
      items: this.repo.listHeld('held', limit).map((h) => this.present(h)),
      total: this.repo.countHeld('held'),
    };
  }

  private present(held: HeldRow): HeldReportView {
    const { row, photos } = heldAsReport(held);
    const input = JSON.parse(held.input) as CreateReportData;
    const catalog = this.catalog.current();
    const category = catalog.categoryByCode.get(row.categoryCode);
    const unit = row.unitId !== null ? catalog.unitById.get(row.unitId) : undefined;
    return {
      id: held.id,
      trackingCode: held.trackingCode,
      reason: held.reason as HoldReason,
      createdAt: iso(held.createdAt),
      category: {
        code: row.categoryCode,
        name: category ? { vi: category.nameVi, en: category.nameEn } : { vi: row.categoryCode, en: row.categoryCode },
      },
      description: row.description,
      channel: row.channel as HeldReportView['channel'],
      area: row.areaCode ? { code: row.areaCode, name: row.areaName ?? row.areaCode } : null,
      unit: unit ? { id: unit.id, name: unit.nameVi } : null,
      lat: row.lat,
      lng: row.lng,
      address: row.address,
      photos: photos.map(presentPhoto),
      contact: {
        name: input.contact?.name ?? null,
        phone: input.contact?.phone ?? null,
        email: input.contact?.email ?? null,
      },
      sameSender: this.repo.heldFromSameSender(held),
    };
  }

  private stillHeld(id: number): HeldRow {
    const held = this.repo.heldById(id);
    if (!held) throw new AppError('not_found', `No held report has the id ${id}.`);
    if (held.state !== 'held') throw new AppError('conflict', `This report was already ${held.state}.`);
    return held;
  }

  /** Files a held report as if it had just been sent (routed by today's rules), under its tracking code. */
  async release(user: AuthUser, id: number): Promise<ReleasedReport> {
    const held = this.stillHeld(id);
    const input = JSON.parse(held.input) as CreateReportData;
    const { result } = await this.reports.create(input, {
      release: { held, by: user },
      channel: held.channel as Channel,
    });
    this.audit.record(actorOf(user), {
      entity: 'held_report',
      entityId: held.id,
      action: 'release',
      before: { trackingCode: held.trackingCode, reason: held.reason },
      after: { reportId: result.id },
    });
    return { id: result.id, trackingCode: result.trackingCode };
  }

  /** Drops a held report: it never reaches a unit; its photos are deleted. Its sender still sees "received". */
  async discard(user: AuthUser, id: number): Promise<void> {
    const held = this.stillHeld(id);
    const now = this.clock.now();
    const decided = this.reportsRepo.transaction(() => {
      if (!this.repo.decide(held.id, { state: 'discarded', decidedAt: now, decidedBy: user.id })) return false;
      this.audit.record(actorOf(user), {
        entity: 'held_report',
        entityId: held.id,
        action: 'discard',
        before: { trackingCode: held.trackingCode, reason: held.reason },
        after: null,
      });
      return true;
    });
    if (!decided) throw new AppError('conflict', 'Another operator has already decided on this report.');
    const photoIds = (JSON.parse(held.photos) as { id: string }[]).map((p) => p.id);
    if (photoIds.length) await this.photos.discard(photoIds);
  }

  /** Blocks the sender of a filed report. */
  blockReportSender(user: AuthUser, reportId: number, input: z.output<typeof BlockSenderSchema>): BlockedSenderList {
    const report = this.reportsRepo.findById(reportId);
    if (!report) throw new AppError('not_found', `No report has the id ${reportId}.`);
    return this.block(user, { device: report.senderDevice, address: report.senderAddress, reportId }, input);
  }

  /** Blocks the sender of a held report. */
  blockHeldSender(user: AuthUser, heldId: number, input: z.output<typeof BlockSenderSchema>): BlockedSenderList {
    const held = this.repo.heldById(heldId);
    if (!held) throw new AppError('not_found', `No held report has the id ${heldId}.`);
    return this.block(user, { device: held.senderDevice, address: held.senderAddress, reportId: null }, input);
  }

  private block(
    user: AuthUser,
    sender: { device: string | null; address: string | null; reportId: number | null },
    input: z.output<typeof BlockSenderSchema>,
  ): BlockedSenderList {
    const now = this.clock.now();
    const wanted = [
      input.device ? { kind: 'device' as const, hash: sender.device, expiresAt: null } : null,
      input.address ? { kind: 'address' as const, hash: sender.address, expiresAt: now + ADDRESS_BLOCK_MS } : null,
    ].filter((w) => w !== null);
    const missing = wanted.filter((w) => w.hash === null);
    if (missing.length === wanted.length)
      throw new AppError(
        'conflict',
        `This report carries no ${missing.map((w) => w.kind).join(' or ')} to block (it came through another system, or before blocking existed).`,
      );
    this.reportsRepo.transaction(() => {
      for (const w of wanted) {
        if (w.hash === null || this.repo.activeBlock(w.kind, w.hash, now)) continue;
        const row = this.repo.insertBlock({
          kind: w.kind,
          hash: w.hash,
          reportId: sender.reportId,
          reason: input.reason ?? null,
          createdBy: user.id,
          createdAt: now,
          expiresAt: w.expiresAt,
        });
        this.audit.record(actorOf(user), {
          entity: 'blocked_sender',
          entityId: row.id,
          action: 'create',
          before: null,
          after: { kind: row.kind, reportId: row.reportId, reason: row.reason, expiresAt: row.expiresAt },
        });
      }
    });
    return this.blocks();
  }

  /** The blocks in force, newest first. */
  blocks(): BlockedSenderList {
    return {
      items: this.repo.activeBlocks(this.clock.now()).map((b) => ({
        id: b.id,
        kind: b.kind as 'device' | 'address',
        trackingCode: b.trackingCode,
        reason: b.reason,
        createdBy: b.createdByName,
        createdAt: iso(b.createdAt),
        expiresAt: b.expiresAt === null ? null : iso(b.expiresAt),
      })),
    };
  }

  /** Lifts a block: that sender's next reports are filed normally again. */
  lift(user: AuthUser, id: number): void {
    const now = this.clock.now();
    this.reportsRepo.transaction(() => {
      if (!this.repo.liftBlock(id, now)) throw new AppError('not_found', `No block in force has the id ${id}.`);
      this.audit.record(actorOf(user), {
        entity: 'blocked_sender',
        entityId: id,
        action: 'lift',
        before: null,
        after: { liftedAt: iso(now) },
      });
    });
  }
}

const actorOf = (user: AuthUser) => ({ id: user.id, name: user.displayName });

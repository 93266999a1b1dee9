import { OPEN_STATUSES, isOpenStatus, type ReportStatus } from '../../../shared/domain/statuses';
import type { FollowResult, NearbyReport, PublicReportView } from '../../../shared/schemas/reports';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { AuthUser } from '../auth/auth.service';
import type { CatalogService } from '../catalog/catalog.service';
import { canView } from '../reports/reports.policy';
import type { ReportWriter } from '../reports/report-writer';
import type { ReportRow, ReportsRepository } from '../reports/reports.repository';
import { presentPhoto } from '../reports/reports.presenter';
import type { ReportsService } from '../reports/reports.service';
import { withPhotos, type PhotoIngest } from '../reports/with-photos';
import type { ResidentTokens } from './resident-tokens';

const DAY = 86_400_000;
const RESIDENT = { role: 'resident' } as const;

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * What residents do with a tracking code: follow the report live, find possible duplicates before
 * filing, follow someone else's report instead, add a comment or photos, rate the result, reopen it.
 * Changing anything needs the device's resident token; reading needs only the code.
 */
export class ResidentsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly writer: ReportWriter,
    private readonly reports: ReportsService,
    private readonly catalog: CatalogService,
    private readonly tokens: ResidentTokens,
    private readonly photos: PhotoIngest,
    private readonly clock: Clock,
  ) {}

  private byCode(code: string): ReportRow {
    const row = this.repo.findByTrackingCode(code);
    if (!row) throw new AppError('not_found', `No report has the tracking code ${code}.`);
    return row;
  }

  /** The report, if the token proves this device filed or followed it; 403 otherwise. */
  private owned(code: string, token: string | undefined): ReportRow {
    const row = this.byCode(code);
    // The filers of duplicates merged into this report follow it too.
    const filers = [row.id, ...this.repo.mergedInto(row.id)];
    if (!this.tokens.verify(token, filers, this.repo.followerIds(row.id), row.trackingCode))
      throw new AppError('resident_token_required');
    return row;
  }

  /**
   * Whether a photo may be shown: to anyone when its report is public (not rejected as spam or abuse),
   * and to staff who may see the report. Unknown photos and hidden ones look the same (404).
   */
  canSeePhoto(photoId: string, user: AuthUser | null): boolean {
    const photo = this.repo.findPhoto(photoId);
    const row = photo ? this.repo.findById(photo.reportId) : undefined;
    // A held report's photos show on its sender's tracking page (their ids are as unguessable).
    if (!row) return !photo && this.reports.heldPhotoExists(photoId);
    // A signed-in unit's staff browsing the public map or a tracking page see what any resident sees.
    return row.status !== 'rejected' || (user !== null && canView(user, row));
  }

  /** The public view by tracking code; 404 when unknown. */
  track(code: string): PublicReportView {
    const row = this.repo.findByTrackingCode(code);
    // A report held for review looks to its sender like any report just received.
    const view = row ? this.reports.publicView(row) : this.reports.heldPublicView(code);
    if (!view) throw new AppError('not_found', `No report has the tracking code ${code}.`);
    return view;
  }

  /** Open reports of the same category near a point, within the category's radius and age, nearest first. */
  nearby(query: { categoryCode: string; lat: number; lng: number }): NearbyReport[] {
    const category = this.catalog.current().categoryByCode.get(query.categoryCode);
    if (!category)
      throw new AppError('validation_failed', 'Unknown category.', [
        { path: 'categoryCode', message: 'is not a known category' },
      ]);
    // A sensitive category never shows where others reported it.
    if (category.publicLocation === 'hidden') return [];
    const radius = category.duplicateRadiusM;
    const dLat = radius / 111_320;
    const dLng = radius / (111_320 * Math.cos((query.lat * Math.PI) / 180));
    const since = this.clock.now() - category.duplicateDays * DAY;
    const box = {
      minLat: query.lat - dLat,
      maxLat: query.lat + dLat,
      minLng: query.lng - dLng,
      maxLng: query.lng + dLng,
    };
    return this.repo
      .openInBox(category.code, since, box, OPEN_STATUSES)
      .map((r) => ({ r, d: distanceM(query, { lat: r.lat!, lng: r.lng! }) }))
      .filter((x) => x.d <= radius)
      .sort((a, b) => a.d - b.d)
      .slice(0, 5)
      .map(({ r, d }) => {
        const photo = this.repo.photosOf(r.id)[0];
        return {
          trackingCode: r.trackingCode,
          status: r.status as ReportStatus,
          description: r.description,
          distanceM: Math.round(d),
          createdAt: new Date(r.createdAt).toISOString(),
          reporterCount: r.reporterCount,
          thumbUrl: photo ? presentPhoto(photo).thumbUrl : null,
        };
      });
  }

  /**
   * "Me too": follow an open report instead of filing a duplicate. Adds to its count of reporters
   * and gives this device a token for it. The same Idempotency-Key returns the same follow.
   */
  follow(code: string, idempotencyKey?: string): FollowResult {
    const requestHash = `follow:${code}`;
    const committed = this.repo.transaction(() => {
      const seen = idempotencyKey ? this.repo.findIdempotencyKey(idempotencyKey) : undefined;
      if (seen) {
        if (seen.requestHash !== requestHash || seen.followerId === null) throw new AppError('idempotency_key_reused');
        return { followerId: seen.followerId, report: this.repo.findById(seen.reportId)!, event: null };
      }
      const row = this.byCode(code);
      if (!isOpenStatus(row.status as ReportStatus)) {
        throw new AppError('transition_not_allowed', 'This report is no longer open; file a new report instead.');
      }
      const now = this.clock.now();
      const followerId = this.repo.insertFollower(row.id, now);
      const event = this.writer.applyInTransaction(
        row,
        row.version,
        { type: 'followed', patch: { reporterCount: row.reporterCount + 1 } },
        RESIDENT,
        now,
      );
      if (idempotencyKey) this.repo.insertIdempotencyKey(idempotencyKey, requestHash, row.id, now, followerId);
      return { followerId, report: event.report, event };
    });
    if (committed.event) this.writer.publish([committed.event]);
    return {
      report: this.reports.publicView(committed.report),
      residentToken: this.tokens.forFollower(committed.followerId),
    };
  }

  /** A resident adds information: text and/or photos, shown on the timeline. */
  async comment(
    code: string,
    token: string | undefined,
    input: { text?: string },
    files?: { bytes: Buffer }[],
  ): Promise<PublicReportView> {
    const row = this.owned(code, token);
    if (row.status === 'duplicate')
      throw new AppError('transition_not_allowed', 'This report was merged into another; comment there.');
    if (!input.text && !files?.length)
      throw new AppError('validation_failed', 'Write something or attach a photo.', [
        { path: 'text', message: 'is required without photos' },
      ]);
    const updated = await withPhotos(this.photos, files, (stored) =>
      this.writer.change(
        this.repo.findById(row.id)!,
        row.version,
        { type: 'comment', patch: {}, publicNote: input.text ?? null, photos: stored },
        RESIDENT,
        this.clock.now(),
      ),
    );
    return this.reports.publicView(updated);
  }

  /** Rates the result once (1-5); rating a resolved report also confirms it, closing it. */
  rate(code: string, token: string | undefined, input: { score: number; comment?: string }): PublicReportView {
    const row = this.owned(code, token);
    if (row.rating !== null) throw new AppError('already_rated');
    if (row.status !== 'resolved' && row.status !== 'closed') {
      throw new AppError('transition_not_allowed', 'A report can be rated once it is resolved.');
    }
    const now = this.clock.now();
    const patch = {
      rating: input.score,
      ratingComment: input.comment ?? null,
      ratedAt: now,
      ...(row.status === 'resolved' ? { status: 'closed', closedAt: now } : {}),
    };
    return this.reports.publicView(
      this.writer.change(row, row.version, { type: 'rated', patch, publicNote: input.comment ?? null }, RESIDENT, now),
    );
  }

  /** Confirms (close) or reopens a resolved report; reopening only within the category's window. */
  act(
    code: string,
    token: string | undefined,
    input: { action: 'close' | 'reopen'; reason?: string },
  ): PublicReportView {
    const row = this.owned(code, token);
    if (row.status !== 'resolved') {
      throw new AppError(
        'transition_not_allowed',
        `A report in status "${row.status}" cannot be sent to ${input.action}.`,
      );
    }
    const days = this.catalog.current().categoryByCode.get(row.categoryCode)?.reopenWindowDays ?? 7;
    if (input.action === 'reopen' && row.resolvedAt !== null && this.clock.now() - row.resolvedAt > days * DAY) {
      throw new AppError(
        'transition_not_allowed',
        `The report was resolved more than ${days} days ago; call the hotline to reopen it.`,
      );
    }
    const updated = this.reports.applyTransition(
      row,
      { action: input.action, version: row.version, reason: input.reason },
      RESIDENT,
    );
    return this.reports.publicView(updated);
  }
}

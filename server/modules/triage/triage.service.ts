import type { Priority } from '../../../shared/domain/channels';
import { isOpenStatus, type ReportStatus } from '../../../shared/domain/statuses';
import type { StaffReportView } from '../../../shared/schemas/reports';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import { computeDueAt } from '../../domain/working-time';
import type { AuthUser } from '../auth/auth.service';
import { deadlineFor } from '../catalog/catalog.presenter';
import type { CatalogService } from '../catalog/catalog.service';
import type { CalendarService } from '../deadlines/calendar.service';
import type { RoutingService } from '../routing/routing.service';
import type { ReportWriter } from '../reports/report-writer';
import { canView } from '../reports/reports.policy';
import type { NewReportRow, ReportRow, ReportsRepository } from '../reports/reports.repository';
import type { ReportsService } from '../reports/reports.service';

const IOC_ROLES = ['operator', 'admin'];

/** The IOC's corrections beyond the lifecycle: priority, internal notes, category and location. */
export class TriageService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly writer: ReportWriter,
    private readonly reports: ReportsService,
    private readonly catalog: CatalogService,
    private readonly routing: RoutingService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  private row(user: AuthUser, id: number, iocOnly: boolean): ReportRow {
    const row = this.repo.findById(id);
    if (!row || !canView(user, row)) throw new AppError('not_found', `Report ${id} not found.`);
    if (iocOnly && !IOC_ROLES.includes(user.role)) throw new AppError('forbidden', 'Only the IOC may do this.');
    return row;
  }

  private view(row: ReportRow, user: AuthUser): StaffReportView {
    return this.reports.staffView(row, user);
  }

  /** Sets the priority (IOC only). */
  setPriority(user: AuthUser, id: number, input: { priority: Priority; version: number }): StaffReportView {
    const row = this.row(user, id, true);
    const now = this.clock.now();
    const patch: Partial<NewReportRow> = { priority: input.priority };
    // An open report's deadline follows its priority (categories may set one per priority).
    const category = this.catalog.current().categoryByCode.get(row.categoryCode);
    if (category && isOpenStatus(row.status as ReportStatus)) {
      patch.dueAt = computeDueAt(row.createdAt, deadlineFor(category, input.priority), this.calendar.current());
      if (patch.dueAt > now) patch.overdueAt = null;
    }
    const change = {
      type: 'priority_changed',
      patch,
      internalNote: `${row.priority} → ${input.priority}`,
    };
    return this.view(this.writer.change(row, input.version, change, { user }, now), user);
  }

  /** Adds an internal note, seen by staff only (IOC, and the unit's staff on their own reports; not leaders). */
  addNote(user: AuthUser, id: number, input: { text: string; version: number }): StaffReportView {
    const row = this.row(user, id, false);
    if (user.role === 'leader') throw new AppError('forbidden', 'Leaders read; they do not write notes.');
    return this.view(
      this.writer.change(
        row,
        input.version,
        { type: 'note', patch: {}, internalNote: input.text },
        { user },
        this.clock.now(),
      ),
      user,
    );
  }

  /**
   * Corrects the category and/or the point of an open report. Routing and the deadline are worked out
   * again as if it had been filed right (from its receipt time); the area is the one the new point is in.
   */
  correct(
    user: AuthUser,
    id: number,
    input: { categoryCode?: string; lat?: number; lng?: number; version: number },
  ): StaffReportView {
    const row = this.row(user, id, true);
    if (!isOpenStatus(row.status as ReportStatus))
      throw new AppError('transition_not_allowed', 'Only open reports can be corrected.');
    const category = this.catalog.current().categoryByCode.get(input.categoryCode ?? row.categoryCode);
    // Correcting to a retired category is refused; a report may stay in the one it was filed in.
    if (!category || (input.categoryCode !== undefined && input.categoryCode !== row.categoryCode && !category.active))
      throw new AppError('validation_failed', 'Unknown category.', [
        { path: 'categoryCode', message: 'is not a known category' },
      ]);
    const lat = input.lat ?? row.lat;
    const lng = input.lng ?? row.lng;
    const routed =
      lat !== null && lng !== null
        ? this.routing.route({ lat, lng }, category.code)
        : this.routing.routeByArea(row.areaCode ?? '', category.code);
    const patch: Partial<NewReportRow> = {
      categoryCode: category.code,
      lat,
      lng,
      areaCode: routed.area?.code ?? null,
      areaName: routed.area?.nameVi ?? null,
      dueAt: computeDueAt(row.createdAt, deadlineFor(category, row.priority), this.calendar.current()),
      // A report not yet dispatched follows the new routing; a dispatched one stays with its unit until re-routed.
      ...(row.status === 'received' || row.status === 'reopened' ? { unitId: routed.unit.id } : {}),
    };
    // Answers to the old category's questions mean nothing for the new one.
    if (category.code !== row.categoryCode) patch.attributes = JSON.stringify({});
    const note = [
      category.code !== row.categoryCode ? `${row.categoryCode} → ${category.code}` : null,
      input.lat !== undefined ? `${row.lat},${row.lng} → ${lat},${lng}` : null,
    ]
      .filter(Boolean)
      .join('; ');
    return this.view(
      this.writer.change(
        row,
        input.version,
        { type: 'corrected', patch, internalNote: note },
        { user },
        this.clock.now(),
      ),
      user,
    );
  }
}

import { transitionFor } from '../../../shared/domain/lifecycle';
import { isOpenStatus, type ReportStatus } from '../../../shared/domain/statuses';
import type { TransitionInput } from '../../../shared/schemas/reports';
import { AppError } from '../../domain/app-error';
import type { CatalogSnapshot } from '../catalog/catalog.service';
import type { NewReportRow, ReportRow } from './reports.repository';

/** What one lifecycle action changes on a report, and the notes its event carries. */
export interface TransitionPlan {
  patch: Partial<NewReportRow>;
  /** Shown to the resident: a resolution reply, a rejection or reopening reason. */
  publicNote: string | null;
  /** Staff only: a hand-back reason, a dispatch note. */
  internalNote: string | null;
  /** For `mark_duplicate`: the report this one merges into. */
  original: ReportRow | null;
}

const invalid = (path: string, detail: string, message: string) =>
  new AppError('validation_failed', detail, [{ path, message }]);

/**
 * Plans an allowed action (role and status already checked): validates what it requires and says
 * what changes. Pure but for `findOriginal`, which looks up the original of a duplicate.
 */
export function planTransition(
  row: ReportRow,
  input: TransitionInput,
  ctx: {
    catalog: CatalogSnapshot;
    now: number;
    findOriginal: (trackingCode: string) => ReportRow | undefined;
    /** Photos that came with the action (a resolution's after-photo). */
    photoCount?: number;
  },
): TransitionPlan {
  const rule = transitionFor(input.action);
  // What a resolution needs (reply, after-photo) is the category's choice, checked below.
  const missing = input.action === 'resolve' ? [] : rule.requires.filter((field) => !input[field]);
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `${input.action} needs ${missing.join(', ')}.`,
      missing.map((path) => ({ path, message: `is required to ${input.action}` })),
    );
  }
  const plan: TransitionPlan = {
    patch: { status: rule.to, updatedAt: ctx.now },
    publicNote: null,
    internalNote: null,
    original: null,
  };
  switch (input.action) {
    case 'dispatch':
    case 'reroute': {
      const unit = ctx.catalog.unitById.get(input.unitId!);
      if (!unit || !unit.active) throw invalid('unitId', 'Unknown unit.', 'is not an active unit');
      // The IOC triages; it does not fix. A report "dispatched" to it would sit in nobody's queue.
      if (unit.kind === 'ioc')
        throw invalid('unitId', 'Choose the unit that will handle the report.', 'is the IOC itself');
      if (input.action === 'reroute' && unit.id === row.unitId) {
        throw invalid('unitId', 'The report is already with this unit.', 'is the current unit');
      }
      plan.patch.unitId = unit.id;
      // A new unit has to acknowledge it again.
      plan.patch.acknowledgedAt = null;
      plan.internalNote = input.note ?? null;
      break;
    }
    case 'acknowledge':
      plan.patch.acknowledgedAt = ctx.now;
      plan.publicNote = input.note ?? null;
      break;
    case 'start':
      // Starting work acknowledges it too.
      if (row.acknowledgedAt === null) plan.patch.acknowledgedAt = ctx.now;
      plan.publicNote = input.note ?? null;
      break;
    case 'resolve': {
      const category = ctx.catalog.categoryByCode.get(row.categoryCode);
      const needs = { reply: category?.resolveNeedsReply ?? true, photo: category?.resolveNeedsPhoto ?? true };
      const problems: { path: string; message: string }[] = [];
      if (needs.reply && !input.note)
        problems.push({ path: 'note', message: 'is required: the reply the resident reads' });
      if (needs.photo && (ctx.photoCount ?? 0) === 0)
        problems.push({ path: 'photos', message: 'is required: a photo of the result' });
      if (problems.length)
        throw new AppError(
          'validation_failed',
          'Resolving this report needs a public reply and a photo of the result.',
          problems,
        );
      plan.patch.resolvedAt = ctx.now;
      plan.publicNote = input.note ?? null;
      break;
    }
    case 'close':
      plan.patch.closedAt = ctx.now;
      break;
    case 'reopen':
      plan.patch.resolvedAt = null;
      plan.publicNote = input.reason ?? null;
      break;
    case 'reject':
      plan.publicNote = input.reason!;
      break;
    case 'hand_back':
      // Not theirs: back to the IOC inbox, which finds the right unit.
      plan.patch.unitId = ctx.catalog.iocUnit.id;
      plan.patch.acknowledgedAt = null;
      plan.internalNote = input.reason!;
      break;
    case 'mark_duplicate': {
      const original = ctx.findOriginal(input.duplicateOf!);
      if (!original || original.id === row.id || !isOpenStatus(original.status as ReportStatus)) {
        throw invalid(
          'duplicateOf',
          'The original must be another open report.',
          'is not the tracking code of another open report',
        );
      }
      plan.patch.duplicateOfId = original.id;
      plan.publicNote = input.note ?? null;
      plan.original = original;
      break;
    }
  }
  return plan;
}

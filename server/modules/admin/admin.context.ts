import type { Db } from '../../db/client';
import { inTransaction } from '../../db/client';
import { CITY_LIMITS } from '../../../shared/schemas/admin';
import { AppError } from '../../domain/app-error';
import type { Clock } from '../../domain/clock';
import type { AuditActor, AuditChange, AuditService } from '../audit/audit.service';
import type { CatalogService } from '../catalog/catalog.service';

export type { AuditActor };

/** A 422 naming one field. */
export function invalid(path: string, message: string, detail?: string): AppError {
  return new AppError('validation_failed', detail ?? `"${path}" ${message}.`, [{ path, message }]);
}

/** A 409: the change would contradict the configuration; `detail` says what to do first. */
export function conflict(detail: string): AppError {
  return new AppError('conflict', detail);
}

/** A 409 when the city already holds as many of a kind as the configuration file carries. */
export function checkRoom(kind: keyof typeof CITY_LIMITS, count: number): void {
  const limit = CITY_LIMITS[kind];
  if (count >= limit)
    throw conflict(
      `The city already has ${count} ${kind}, the most a configuration file carries (${limit}); reuse, edit or deactivate one instead.`,
    );
}

/** A 404 for an administrative record. */
export function notFound(detail: string): AppError {
  return new AppError('not_found', detail);
}

/** Records one audit entry of the change being made. */
export type Recorder = (change: AuditChange) => void;

/** Whether two audited views are the same (compared as the audit log stores them, in JSON). */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Records an `update` entry only when the audited view changed; says whether it did. */
export function recordUpdate(record: Recorder, change: Omit<AuditChange, 'action'>): boolean {
  if (same(change.before, change.after)) return false;
  record({ ...change, action: 'update' });
  return true;
}

/**
 * Where administrative changes happen: each runs in one synchronous transaction together with its
 * audit entries (all or nothing), and the catalog snapshot is dropped (and `config_version` bumped)
 * so the next report is routed with the new configuration in every process. Changes nest: a
 * configuration import is one outer change.
 */
export class AdminChanges {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogService,
  ) {}

  /** Runs `fn` in one transaction with an audit recorder for `actor`, and has the catalog reload. */
  apply<T>(actor: AuditActor, fn: (record: Recorder) => T): T {
    return inTransaction(this.db, () => {
      const result = fn((change) => this.audit.record(actor, change));
      // Inside the transaction: the `config_version` bump commits with the change, so other processes
      // (scripts, a second server) never see the change without it. A rollback undoes both.
      this.catalog.invalidate();
      return result;
    });
  }
}

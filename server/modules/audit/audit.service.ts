import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../../shared/schemas/admin';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Clock } from '../../domain/clock';

/** Who made an administrative change: a signed-in admin, or a script (`system`). */
export interface AuditActor {
  id: number | null;
  name: string;
}

/** The actor for changes made by command-line scripts. */
export const SCRIPT_ACTOR: AuditActor = { id: null, name: 'system (script)' };

/** One change to record. */
export interface AuditChange {
  entity: string;
  entityId: string | number | null;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * The audit log of administrative changes. `record` must be called inside the transaction that makes
 * the change, so a change and its entry are committed together or not at all.
 */
export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Writes one entry (call inside the change's transaction). */
  record(actor: AuditActor, change: AuditChange): void {
    this.db
      .insert(auditLog)
      .values({
        at: this.clock.now(),
        actorUserId: actor.id,
        actorName: actor.name,
        entity: change.entity,
        entityId: change.entityId === null ? null : String(change.entityId),
        action: change.action,
        before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
        after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
      })
      .run();
  }

  /** Entries newest first; `before` is an entry id for the next page. */
  list(query: { entity?: string; before?: number; limit: number }): { items: AuditEntry[] } {
    const where: SQL[] = [];
    if (query.entity) where.push(eq(auditLog.entity, query.entity));
    if (query.before) where.push(lt(auditLog.id, query.before));
    const rows = this.db
      .select()
      .from(auditLog)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(query.limit)
      .all();
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: new Date(r.at).toISOString(),
        actor: r.actorName,
        entity: r.entity,
        entityId: r.entityId,
        action: r.action,
        before: r.before === null ? null : (JSON.parse(r.before) as unknown),
        after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      })),
    };
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ApiKeyCreated, ApiKeyInput, ApiKeyView } from '../../../shared/schemas/admin';
import { notFound, type AdminChanges, type AuditActor } from './admin.context';
import { presentApiKey } from './admin.presenter';
import type { ApiKeysRepository } from './api-keys.repository';

/** Every key starts with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const API_KEY_PREFIX = 'bk_';
/** Characters of a key kept in clear to tell keys apart in lists. */
const SHOWN = API_KEY_PREFIX.length + 6;
/** lastUsedAt is written at most this often per key: one write a minute, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

/** Keys for other systems (Open311 clients): shown once at creation, only their SHA-256 kept. */
export class ApiKeysService {
  constructor(
    private readonly repo: ApiKeysRepository,
    private readonly changes: AdminChanges,
  ) {}

  /** Every key, newest first, revoked ones included. */
  list(): { items: ApiKeyView[] } {
    return { items: this.repo.all().map(presentApiKey) };
  }

  /** Creates a key: 32 random bytes after `bk_`; the answer is the only time the key is shown. */
  create(actor: AuditActor, input: z.output<typeof ApiKeyInput>): ApiKeyCreated {
    const key = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    return this.changes.apply(actor, (record) => {
      const row = this.repo.insert({
        name: input.name,
        keyHash: sha256(key),
        prefix: key.slice(0, SHOWN),
        createdAt: this.changes.clock.now(),
        createdBy: actor.id,
      });
      const view = presentApiKey(row);
      record({ entity: 'api_key', entityId: row.id, action: 'create', before: null, after: view });
      return { ...view, key };
    });
  }

  /** Revokes a key (from now on it is refused); revoking twice changes nothing. */
  revoke(actor: AuditActor, id: number): ApiKeyView {
    return this.changes.apply(actor, (record) => {
      const row = this.repo.byId(id);
      if (!row) throw notFound(`No API key has the id ${id}.`);
      if (row.revokedAt !== null) return presentApiKey(row);
      const after = presentApiKey(this.repo.update(id, { revokedAt: this.changes.clock.now() }));
      record({ entity: 'api_key', entityId: id, action: 'revoke', before: presentApiKey(row), after });
      return after;
    });
  }

  /**
   * The client behind a key, or null for an unknown or revoked one. A lookup by hash needs no
   * constant-time comparison: the hash of a guess reveals nothing about the stored ones.
   */
  authenticate(key: string | undefined | null): { id: number; name: string } | null {
    if (!key || !key.startsWith(API_KEY_PREFIX)) return null;
    const row = this.repo.byHash(sha256(key));
    if (!row || row.revokedAt !== null) return null;
    const now = this.changes.clock.now();
    if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_RESOLUTION_MS)
      this.repo.update(row.id, { lastUsedAt: now });
    return { id: row.id, name: row.name };
  }
}

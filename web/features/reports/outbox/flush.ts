import { claim, DEFAULT_LEASE_MS, isDue, retryNow, settle, type OutboxItem, type SendOutcome } from './machine';
import type { OutboxStore } from './store';

/** What a flush needs; the clock and randomness come in so tests control them. */
export interface FlushDeps {
  store: OutboxStore;
  send: (item: OutboxItem) => Promise<SendOutcome>;
  now?: () => number;
  random?: () => number;
  leaseMs?: number;
}

/** What a flush did, item by item, as stored afterwards. */
export interface FlushReport {
  sent: OutboxItem[];
  rejected: OutboxItem[];
  /** Queued again for a later attempt (network or server failure). */
  retrying: OutboxItem[];
}

/**
 * Sends every due item, one at a time (one 3G uplink is better used by one upload), each with its own
 * Idempotency-Key. Used by the page and by the service worker's Background Sync alike.
 */
export async function flushOutbox(deps: FlushDeps): Promise<FlushReport> {
  const now = deps.now ?? Date.now;
  const report: FlushReport = { sent: [], rejected: [], retrying: [] };
  const items = await deps.store.all();
  for (const candidate of items) {
    if (!isDue(candidate, now())) continue;
    const claimed = await deps.store.update(candidate.id, (item) =>
      claim(item, now(), deps.leaseMs ?? DEFAULT_LEASE_MS),
    );
    if (!claimed || claimed.state.status !== 'sending') continue;
    const attempt = claimed.state.attempts;
    let outcome: SendOutcome;
    try {
      outcome = await deps.send(claimed);
    } catch (err) {
      // A bug or an unexpected throw: treat it like a dropped connection, never lose the item.
      outcome = { ok: false, status: 0, code: err instanceof Error ? err.name : 'network_error', errors: [] };
    }
    const settled = await deps.store.update(claimed.id, (item) => {
      const next = settle(item, attempt, outcome, now(), deps.random);
      return next === item ? null : next;
    });
    if (!settled) continue;
    if (settled.state.status === 'sent') report.sent.push(settled);
    else if (settled.state.status === 'rejected') report.rejected.push(settled);
    else report.retrying.push(settled);
  }
  return report;
}

/** Makes every queued item due now: the network just came back, so the backoff wait no longer applies. */
export async function wakeAll(store: OutboxStore, now: number): Promise<void> {
  for (const item of await store.all()) {
    if (item.state.status === 'queued' && item.state.nextAttemptAt > now) {
      await store.update(item.id, (i) => {
        const next = retryNow(i, now);
        return next === i ? null : next;
      });
    }
  }
}

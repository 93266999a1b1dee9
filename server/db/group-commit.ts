import type { Db } from './client';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the writes queued during one turn of the event loop run in one transaction, each in a
 * savepoint of its own, and share one commit (one fsync with synchronous=FULL) instead of one each.
 * A write that throws is rolled back alone and its caller gets the error; if the commit itself fails,
 * every caller does, and nothing of the batch was stored. No caller hears "done" before the commit.
 * Under light load a batch is one write, committed a turn later than it would have been alone.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /** Runs `work` (synchronous) in the next shared transaction; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const client = this.db.$client;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      client.transaction(() => {
        for (const item of batch) {
          try {
            // A nested better-sqlite3 transaction is a savepoint: a throw undoes this write only.
            outcomes.push({ ok: true, value: client.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (outcomes[i]!.ok ? item.resolve(outcomes[i]!.value) : item.reject(outcomes[i]!.value)));
  }
}

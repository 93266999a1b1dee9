import { hasIndexedDb, openBeaconDb } from '../../device/db';
import { saveMyReport } from '../../device/myReports';
import { flushOutbox, wakeAll } from './flush';
import { idbOutboxStore } from './idbStore';
import { nextWakeAt, retryNow, type OutboxItem, type SendOutcome } from './machine';
import { sendReport } from './send';
import { memoryOutboxStore, type OutboxStore } from './store';
import { OUTBOX_CHANGED_MESSAGE, OUTBOX_SYNC_TAG } from './sync';

/** The page's handle on the outbox: a snapshot to render, and the triggers that send. */
export interface OutboxClient {
  /** Resolves once the stored items have been read. */
  ready: Promise<void>;
  /** The items as last read, oldest first. */
  snapshot(): readonly OutboxItem[];
  /** Calls `listener` whenever the snapshot changes; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Stores the item first, then tries to send it. Rejects only when it could not be stored. */
  enqueue(item: OutboxItem): Promise<void>;
  /** Sends what is due; `wake` makes every queued item due first (the network came back). */
  flush(wake?: boolean): Promise<void>;
  /** Sends one queued item now, ignoring its backoff. */
  sendNow(id: string): Promise<void>;
  /** Takes an item out (shown to the resident, or taken back to edit). */
  remove(id: string): Promise<void>;
  /** Re-reads the store (e.g. the service worker sent something). */
  refresh(): Promise<void>;
  /** Stops the retry timer. */
  dispose(): void;
}

/** What the client is built from; the defaults are the browser's. */
export interface OutboxClientDeps {
  store: OutboxStore;
  send?: (item: OutboxItem) => Promise<SendOutcome>;
  now?: () => number;
  random?: () => number;
  /** Called once per item that went through, here or in the service worker (default: file it under "My reports"). */
  onSent?: (item: OutboxItem) => void;
  /** Called when an attempt failed for a passing reason (to ask for a Background Sync). */
  onRetrying?: () => void;
}

/** A sent item nobody came back to see is dropped after this long (its code is in "My reports"). */
const SENT_KEPT_MS = 7 * 24 * 3600_000;

/** Builds an outbox client; the retry timer follows the earliest due item (exponential backoff). */
export function createOutboxClient(deps: OutboxClientDeps): OutboxClient {
  const now = deps.now ?? Date.now;
  const send = deps.send ?? ((item: OutboxItem) => sendReport(item));
  const listeners = new Set<() => void>();
  const handedOver = new Set<string>();
  let items: OutboxItem[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | null = null;
  let again = false;
  let wakeRequested = false;
  let disposed = false;

  const schedule = () => {
    clearTimeout(timer);
    const at = nextWakeAt(items);
    if (at === null || disposed) return;
    timer = setTimeout(() => void client.flush(), Math.max(0, at - now()) + 25);
  };

  const refresh = async () => {
    const all = await deps.store.all();
    for (const item of all) {
      if (item.state.status !== 'sent') continue;
      if (!handedOver.has(item.id)) {
        handedOver.add(item.id);
        (deps.onSent ?? keepSent)(item);
      }
      if (now() - item.state.sentAt > SENT_KEPT_MS) await deps.store.delete(item.id);
    }
    items = await deps.store.all();
    schedule();
    listeners.forEach((l) => l());
  };

  const client: OutboxClient = {
    ready: refresh().catch(() => {}),
    snapshot: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async enqueue(item) {
      await deps.store.put(item);
      await refresh();
      // Not awaited: the resident sees "waiting to send" at once, however long the upload takes.
      void client.flush();
    },
    flush(wake = false) {
      if (wake) wakeRequested = true;
      if (flushing) {
        again = true;
        return flushing;
      }
      flushing = (async () => {
        do {
          again = false;
          if (wakeRequested) {
            wakeRequested = false;
            await wakeAll(deps.store, now());
          }
          const report = await flushOutbox({ store: deps.store, send, now, random: deps.random });
          if (report.retrying.length) deps.onRetrying?.();
          await refresh();
        } while (again);
      })()
        .catch(() => {})
        .finally(() => {
          flushing = null;
        });
      return flushing;
    },
    async sendNow(id) {
      await deps.store.update(id, (item) => {
        const next = retryNow(item, now());
        return next === item ? null : next;
      });
      await client.flush();
    },
    async remove(id) {
      await deps.store.delete(id);
      await refresh();
    },
    refresh: () => refresh().catch(() => {}),
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
  return client;
}

/** The outbox in IndexedDB, or in memory where IndexedDB cannot be opened (it then lasts for the page). */
export function browserOutboxStore(): OutboxStore {
  const chosen: Promise<OutboxStore> = hasIndexedDb()
    ? openBeaconDb().then(
        () => idbOutboxStore(),
        () => memoryOutboxStore(),
      )
    : Promise.resolve(memoryOutboxStore());
  return {
    all: async () => (await chosen).all(),
    get: async (id) => (await chosen).get(id),
    put: async (item) => (await chosen).put(item),
    delete: async (id) => (await chosen).delete(id),
    update: async (id, change) => (await chosen).update(id, change),
  };
}

/** Files the report under "My reports" with its resident token the moment it goes through. */
export function keepSent(item: OutboxItem): void {
  if (item.state.status !== 'sent') return;
  const { result, sentAt } = item.state;
  saveMyReport({
    trackingCode: result.trackingCode,
    residentToken: result.residentToken,
    categoryCode: item.payload.input.categoryCode,
    filedAt: new Date(sentAt).toISOString(),
    followed: false,
  });
}

type SyncCapable = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

/** Asks the service worker to flush when the browser next has a network (Chrome's Background Sync). */
async function requestBackgroundSync(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const reg = (await navigator.serviceWorker.getRegistration().catch(() => undefined)) as SyncCapable | undefined;
  await reg?.sync?.register(OUTBOX_SYNC_TAG).catch(() => {});
}

let instance: OutboxClient | null = null;

/** The page's outbox, created on first use: it sends at once and again when the network or the page comes back. */
export function outboxClient(): OutboxClient {
  if (instance) return instance;
  const client = createOutboxClient({
    store: browserOutboxStore(),
    onRetrying: () => void requestBackgroundSync(),
  });
  instance = client;
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => void client.flush(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void client.flush();
    });
    navigator.serviceWorker?.addEventListener('message', (e: MessageEvent<unknown>) => {
      const data = e.data as { type?: unknown } | null;
      if (data?.type === OUTBOX_CHANGED_MESSAGE) void client.refresh();
    });
  }
  void client.ready.then(() => client.flush());
  return client;
}

/** Replaces the page's outbox (tests); null forgets it. */
export function setOutboxClient(client: OutboxClient | null): void {
  instance?.dispose();
  instance = client;
}

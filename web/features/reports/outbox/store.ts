import type { OutboxItem } from './machine';

/** Where outbox items live: IndexedDB in the browser and the service worker, memory in tests. */
export interface OutboxStore {
  /** Every item, oldest first. */
  all(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Atomically reads the item, applies `change`, and stores the result (one transaction, so a page and
   * the service worker never both claim the same attempt). `change` returning null leaves the item
   * as it was. Answers what is stored afterwards when the change applied, else null.
   */
  update(id: string, change: (item: OutboxItem) => OutboxItem | null): Promise<OutboxItem | null>;
}

/** An outbox in memory: for tests, and for browsers where IndexedDB is unavailable (lasts for the page). */
export function memoryOutboxStore(initial: readonly OutboxItem[] = []): OutboxStore {
  const items = new Map<string, OutboxItem>(initial.map((i) => [i.id, i]));
  return {
    all: async () => [...items.values()].sort((a, b) => a.createdAt - b.createdAt),
    get: async (id) => items.get(id),
    put: async (item) => {
      items.set(item.id, item);
    },
    delete: async (id) => {
      items.delete(id);
    },
    update: async (id, change) => {
      const item = items.get(id);
      if (!item) return null;
      const next = change(item);
      if (!next) return null;
      items.set(id, next);
      return next;
    },
  };
}

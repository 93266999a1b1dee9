import { openBeaconDb } from '../../device/db';
import type { OutboxStore } from './store';

/** The outbox in IndexedDB, shared by every tab and the service worker. */
export function idbOutboxStore(): OutboxStore {
  return {
    all: async () => {
      const items = await (await openBeaconDb()).getAll('outbox');
      return items.sort((a, b) => a.createdAt - b.createdAt);
    },
    get: async (id) => (await openBeaconDb()).get('outbox', id),
    put: async (item) => {
      await (await openBeaconDb()).put('outbox', item);
    },
    delete: async (id) => {
      await (await openBeaconDb()).delete('outbox', id);
    },
    update: async (id, change) => {
      const tx = (await openBeaconDb()).transaction('outbox', 'readwrite');
      // Read and write inside one transaction: no await on anything but this transaction in between.
      const item = await tx.store.get(id);
      const next = item ? change(item) : null;
      if (next) await tx.store.put(next);
      await tx.done;
      return next;
    },
  };
}

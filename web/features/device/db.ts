import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OutboxItem } from '../reports/outbox/machine';

/** A downscaled photo of the report being written. */
export interface StoredPhoto {
  id: string;
  blob: Blob;
  name: string;
}

/** The device's IndexedDB: the outbox of submissions and the draft's photos (Blobs have no place in localStorage). */
export interface BeaconDb extends DBSchema {
  outbox: { key: string; value: OutboxItem };
  draftPhotos: { key: string; value: StoredPhoto };
}

const DB_NAME = 'beacon';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<BeaconDb>> | null = null;

/** True where IndexedDB exists (not in jsdom, not in some locked-down WebViews). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}

/** Opens (once per page or worker) the device database; shared by the page and the service worker. */
export function openBeaconDb(): Promise<IDBPDatabase<BeaconDb>> {
  opening ??= openDB<BeaconDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('draftPhotos')) db.createObjectStore('draftPhotos', { keyPath: 'id' });
    },
    // Another tab upgrades the schema: let it, and reopen next time.
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
    },
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

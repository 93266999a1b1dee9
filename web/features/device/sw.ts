/**
 * The service worker (built by vite-plugin-pwa, `injectManifest`): precaches the app shell so `/` opens
 * offline from the home screen, and flushes the report outbox on Background Sync. It caches no API
 * response, ever: `/api/*` and `/socket.io` always go to the network untouched.
 */
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { flushOutbox, wakeAll } from '../reports/outbox/flush';
import { idbOutboxStore } from '../reports/outbox/idbStore';
import { sendReport } from '../reports/outbox/send';
import { OUTBOX_CHANGED_MESSAGE, OUTBOX_SYNC_TAG } from '../reports/outbox/sync';

// The few service-worker types used here (the web project compiles against the DOM library, which
// has no ServiceWorkerGlobalScope; mixing in the WebWorker library would clash with it).
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEventLike extends ExtendableEventLike {
  readonly tag: string;
  readonly lastChance: boolean;
}
interface ServiceWorkerScopeLike {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options?: {
      type?: 'window';
      includeUncontrolled?: boolean;
    }): Promise<readonly { postMessage(message: unknown): void }[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEventLike) => void): void;
}
declare const self: ServiceWorkerScopeLike;

/** How long a navigation waits for the network before the precached shell answers (weak 3G). */
const NAVIGATION_TIMEOUT_MS = 4_000;

// A new build takes over at once: no tab is left on an old shell whose files are gone.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// No directory index: `/` is a navigation, answered network-first below, never the cached shell first
// (a cache-first `/` would keep serving an old build's page after a deploy).
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false });
cleanupOutdatedCaches();

/** The network's page when it answers in time (so a deploy is seen at once), else the precached shell. */
async function shell(request: Request): Promise<Response> {
  const network = fetch(request);
  network.catch(() => {}); // Settled later or never read: not an unhandled rejection.
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), NAVIGATION_TIMEOUT_MS));
  try {
    const res = await Promise.race([network, timeout]);
    if (res && res.ok) return res;
  } catch {
    // Offline: fall through to the shell.
  }
  return (await matchPrecache('index.html')) ?? network;
}

registerRoute(
  new NavigationRoute(({ request }) => shell(request), {
    denylist: [/^\/api\//, /^\/socket\.io/],
  }),
);

/** Sends what waits in the outbox, tells open pages, and asks the browser to try again if some failed. */
async function syncOutbox(lastChance: boolean): Promise<void> {
  const store = idbOutboxStore();
  // The browser fires a sync when it has a network again: the page's backoff wait no longer applies.
  await wakeAll(store, Date.now());
  const report = await flushOutbox({ store, send: (item) => sendReport(item), now: Date.now });
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage({ type: OUTBOX_CHANGED_MESSAGE });
  // A rejected promise makes the browser schedule this sync again with its own backoff.
  if (report.retrying.length && !lastChance) throw new Error('outbox: some reports are still waiting');
}

self.addEventListener('sync', (event) => {
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(syncOutbox(event.lastChance));
});

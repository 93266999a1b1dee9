/** Runs `fn` once the page has loaded, so neither the worker nor the outbox competes with the first paint. */
function afterLoad(fn: () => void): void {
  if (document.readyState === 'complete') setTimeout(fn, 0);
  else window.addEventListener('load', () => setTimeout(fn, 0), { once: true });
}

let started = false;

/**
 * Registers the service worker (production builds only: the dev server has none) and starts the
 * report outbox, which sends whatever is still waiting from an earlier visit.
 */
export function registerServiceWorker(): void {
  if (typeof window === 'undefined' || started) return;
  started = true;
  afterLoad(() => {
    if (import.meta.env.PROD && 'serviceWorker' in navigator) {
      // autoUpdate: when a new build's worker takes over a page an older one controlled, reload, so the
      // page never asks for chunks of a build that is gone. The draft and the outbox survive a reload.
      const hadController = navigator.serviceWorker.controller !== null;
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (!hadController || reloading) return;
        reloading = true;
        window.location.reload();
      });
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
        // No worker (private mode, an old browser): the page still works and the outbox still retries.
      });
    }
    void import('../reports/outbox/client').then((m) => m.outboxClient());
  });
}

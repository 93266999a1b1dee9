/** Background Sync tag under which the page asks the service worker to flush the outbox. */
export const OUTBOX_SYNC_TAG = 'beacon-outbox';
/** Message type the service worker posts to open pages after it flushed the outbox. */
export const OUTBOX_CHANGED_MESSAGE = 'beacon:outbox-changed';

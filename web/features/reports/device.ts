const KEY = 'beacon.deviceId';

/**
 * This device's random id, made once and kept in the browser's storage. Sent with each report, so an
 * operator can hold a spamming phone's next reports for review ("block this sender") without anyone
 * learning who it is: the server keeps only a keyed hash of it. Undefined where storage is off.
 */
export function deviceId(): string | undefined {
  try {
    let id = localStorage.getItem(KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = crypto.randomUUID();
      localStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}

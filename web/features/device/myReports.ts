/**
 * Reports this device filed or followed, with the secret resident token the server gave for each
 * (sent as `X-Resident-Token` to comment, rate or reopen). Kept in localStorage: small, synchronous,
 * readable on first render. The token never leaves the device except in that header.
 */

/** One report this device filed (`followed: false`) or joined with "I have this problem too". */
export interface MyReport {
  trackingCode: string;
  residentToken: string;
  categoryCode: string;
  /** ISO 8601 time this device filed or followed it. */
  filedAt: string;
  followed: boolean;
}

const STORAGE_KEY = 'beacon.myReports';
/** Oldest entries are dropped beyond this many (a phone files a few reports a year). */
const MAX_ENTRIES = 200;
const EVENT = 'beacon:my-reports';

function isEntry(v: unknown): v is MyReport {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.trackingCode === 'string' &&
    e.trackingCode !== '' &&
    typeof e.residentToken === 'string' &&
    typeof e.categoryCode === 'string' &&
    typeof e.filedAt === 'string' &&
    typeof e.followed === 'boolean'
  );
}

function read(): MyReport[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** This device's reports, newest first. */
export function listMyReports(): MyReport[] {
  return read().sort((a, b) => (a.filedAt < b.filedAt ? 1 : a.filedAt > b.filedAt ? -1 : 0));
}

/**
 * Adds or replaces (by tracking code) one entry. A later save of the same code keeps a filed report
 * marked as filed (`followed: false` wins) and takes the newest non-empty token.
 */
export function saveMyReport(entry: MyReport): void {
  const all = read();
  const old = all.find((e) => e.trackingCode === entry.trackingCode);
  const merged: MyReport = old
    ? {
        ...entry,
        residentToken: entry.residentToken || old.residentToken,
        followed: old.followed && entry.followed,
        filedAt: old.filedAt < entry.filedAt ? old.filedAt : entry.filedAt,
      }
    : entry;
  const next = [merged, ...all.filter((e) => e.trackingCode !== entry.trackingCode)].slice(0, MAX_ENTRIES);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the success screen still shows the code.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(EVENT));
}

/** The resident token this device holds for a report, or null if it neither filed nor followed it. */
export function tokenFor(trackingCode: string): string | null {
  const hit = read().find((e) => e.trackingCode === trackingCode);
  return hit?.residentToken ? hit.residentToken : null;
}

/** Calls `listener` when this device's list changes (in this tab or another); returns an unsubscribe. */
export function onMyReportsChange(listener: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY || e.key === null) listener();
  };
  window.addEventListener(EVENT, listener);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(EVENT, listener);
    window.removeEventListener('storage', onStorage);
  };
}

const STORAGE_KEY = 'beacon.recentCodes';
const MAX = 5;

/** Codes an older version of the app remembered on this device (newest first); new ones live in `device/myReports`. */
export function recentCodes(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((c): c is string => typeof c === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Normalises a typed tracking code (spaces, lower case). */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

const STORAGE_KEY = 'beacon.recentCodes';
const MAX = 5;

/** Tracking codes of reports filed from this device, newest first. */
export function recentCodes(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((c): c is string => typeof c === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

/** Remembers a code so the resident finds it again after closing the success screen. */
export function rememberCode(code: string): void {
  try {
    const next = [code, ...recentCodes().filter((c) => c !== code)].slice(0, MAX);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage unavailable: the success screen is the only copy.
  }
}

/** Normalises a typed tracking code (spaces, lower case). */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '');
}

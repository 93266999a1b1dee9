/** How long to wait before retrying a submission that failed for a passing reason. */
export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** The delay never grows past this. */
  maxMs: number;
}

/** 2 s, 4 s, 8 s ... up to 5 minutes: quick while a 3G cell flickers, gentle when the network is gone. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": after the n-th failed attempt (n >= 1) the wait is between
 * half and all of `base * 2^(n-1)`, capped. The jitter keeps a street's worth of phones that lost the
 * same cell from all coming back in the same second.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, opts = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(attempt));
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(n - 1, 30));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

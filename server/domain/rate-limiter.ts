import type { Clock } from './clock';

/** Most keys (client addresses, usernames) held at once: beyond it the oldest are dropped first. */
const MAX_KEYS = 100_000;

interface Window {
  count: number;
  resetAt: number;
}

/** Seconds until `at`, at least 1 (a Retry-After of 0 invites an immediate retry). */
const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** Drops expired entries, then the oldest ones, until the map holds at most `max` keys. */
function prune<V>(map: Map<string, V>, expired: (v: V) => boolean, max: number): void {
  if (map.size <= max) return;
  for (const [k, v] of map) if (expired(v)) map.delete(k);
  // Insertion order is the order windows were opened: the first keys are the stalest.
  for (const k of map.keys()) {
    if (map.size <= max) break;
    map.delete(k);
  }
}

/**
 * At most `limit` hits per key in each fixed window of `windowMs` (a window opens at a key's first
 * hit). Memory only: the process is the one server; a restart forgets the counts, which is harmless.
 */
export class WindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Counts one hit: null when allowed, else the seconds until the key's window reopens. */
  hit(key: string): number | null {
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (!w || now >= w.resetAt) {
      this.windows.delete(key);
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
      prune(this.windows, (x) => now >= x.resetAt, this.maxKeys);
    }
    w.count++;
    return w.count > this.limit ? secondsUntil(w.resetAt, now) : null;
  }
}

interface Account {
  /** Attempts that were not (yet) shown to be right. */
  failures: number;
  /** End of the window the failures count in; once locked, end of the lockout. */
  until: number;
}

/**
 * Per-account login throttling: `maxFailures` failed attempts on one username within `lockoutMs`
 * lock that username for `lockoutMs`, from every address. Unknown usernames are counted the same
 * way, so the answer never says whether an account exists.
 */
export class LoginLockout {
  private readonly accounts = new Map<string, Account>();

  constructor(
    private readonly clock: Clock,
    readonly maxFailures: number,
    readonly lockoutMs: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  private current(username: string, now: number): Account | undefined {
    const a = this.accounts.get(username);
    if (a && now >= a.until) {
      this.accounts.delete(username);
      return undefined;
    }
    return a;
  }

  /** Seconds the username stays locked, or null when it may try. */
  lockedFor(username: string): number | null {
    const now = this.clock.now();
    const a = this.current(username, now);
    return a && a.failures >= this.maxFailures ? secondsUntil(a.until, now) : null;
  }

  /**
   * Counts an attempt as failed before the password is checked (so parallel guesses cannot all slip
   * in before the first failure is recorded); `succeeded` or `forgive` takes it back.
   */
  attempt(username: string): void {
    const now = this.clock.now();
    let a = this.current(username, now);
    if (!a) {
      a = { failures: 0, until: now + this.lockoutMs };
      this.accounts.set(username, a);
      prune(this.accounts, (x) => now >= x.until, this.maxKeys);
    }
    a.failures++;
    if (a.failures === this.maxFailures) a.until = now + this.lockoutMs;
  }

  /** A successful sign-in (one of the allowed attempts) clears the username's failures. */
  succeeded(username: string): void {
    this.accounts.delete(username);
  }

  /** An attempt that was not a wrong password (a malformed request, a server error) does not count. */
  forgive(username: string): void {
    const a = this.accounts.get(username);
    if (a && a.failures > 0) a.failures--;
  }
}

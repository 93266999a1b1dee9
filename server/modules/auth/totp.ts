import { timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

// What every authenticator app understands: SHA-1, 6 digits, 30 s.
const PERIOD_S = 30;
const DIGITS = 6;
/** Codes of the step before and after the current one are accepted too (clock drift, typing time). */
const WINDOW = 1;

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Beacon IOC';

/** The time step a moment falls in. */
export const totpStep = (now: number): number => Math.floor(now / 1000 / PERIOD_S);

/** A new random secret (160 bits, base32). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The code of a secret at a moment (for tests, the demo and the docs; the server only checks codes). */
export function totpCode(secretBase32: string, now: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretBase32), digits: DIGITS, period: PERIOD_S, timestamp: now });
}

/** The `otpauth://` URI an authenticator app scans. */
export function totpUri(secretBase32: string, account: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    digits: DIGITS,
    period: PERIOD_S,
  }).toString();
}

/**
 * The step a code belongs to within ±WINDOW of now, skipping steps at or before `lastStep` (those
 * codes were used already: a replay); null when it matches none.
 */
export function matchTotp(secretBase32: string, code: string, now: number, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  const given = Buffer.from(code);
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = Buffer.from(totpCode(secretBase32, step * PERIOD_S * 1000));
    if (timingSafeEqual(expected, given)) return step;
  }
  return null;
}

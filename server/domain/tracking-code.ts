import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to confuse when a code is read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A tracking code like `TH-2611-7KQ3MD`: city prefix, local year and month, six random characters
 * (about a billion per month), so codes cannot be enumerated from one another.
 */
export function makeTrackingCode(
  prefix: string,
  localYearMonth: string,
  random: (max: number) => number = randomInt,
): string {
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET[random(ALPHABET.length)];
  return `${prefix}-${localYearMonth}-${tail}`;
}

import { dictionary } from '@zxcvbn-ts/language-common';

// The demo city's password is published in the README: no real account may have it.
const PUBLISHED = ['demo-city-2025'];

let common: Set<string> | undefined;

/**
 * Whether a password is one of ~49,000 common ones (zxcvbn's list) or published with this project,
 * compared lower-cased. Kept apart from `password-policy.ts` so the web never bundles the list.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set([...dictionary.passwords, ...PUBLISHED].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

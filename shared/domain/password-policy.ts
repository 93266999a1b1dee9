/** The password rules of staff accounts (admin create/change, `npm run create-admin`, any password change). */
export const PASSWORD_POLICY = {
  minLength: 12,
  maxLength: 200,
} as const;

/** The field messages of the password rules (`errors: [{ path: 'password', message }]`). */
export const PASSWORD_MESSAGES = {
  tooShort: `must be at least ${PASSWORD_POLICY.minLength} characters`,
  tooLong: `must be at most ${PASSWORD_POLICY.maxLength} characters`,
  common: 'is a commonly used password',
} as const;

/**
 * What is wrong with a password, or null when it may be used. `isCommon` is the list of common
 * passwords (`common-passwords.ts`: the server always passes it; the web, which must not download
 * 400 kB for it, checks the length only and lets the server answer the rest).
 */
export function passwordProblem(password: string, isCommon?: (password: string) => boolean): string | null {
  if (password.length < PASSWORD_POLICY.minLength) return PASSWORD_MESSAGES.tooShort;
  if (password.length > PASSWORD_POLICY.maxLength) return PASSWORD_MESSAGES.tooLong;
  if (isCommon?.(password)) return PASSWORD_MESSAGES.common;
  return null;
}

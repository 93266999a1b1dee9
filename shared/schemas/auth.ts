import { z } from 'zod';

/** The body of `POST /api/auth/totp/confirm`: a code from the authenticator app just set up. */
export const TotpConfirmInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits shown by the authenticator app'),
});

/** `POST /api/auth/totp/setup`: a new secret to add to an authenticator app (shown this once). */
export interface TotpSetup {
  /** The secret in base32, for typing it in by hand. */
  secret: string;
  /** The `otpauth://totp/...` URI the QR code holds. */
  uri: string;
  /** The QR code of `uri`, as SVG markup. */
  qrSvg: string;
}

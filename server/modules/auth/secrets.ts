import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Keys derived from SESSION_SECRET, one per use, so no key ever serves two purposes.
const derive = (secret: string, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'beacon-ioc', purpose, 32));

/**
 * What SESSION_SECRET keys: the session table stores HMAC-SHA256(token) (a stolen database file
 * cannot be turned into cookies, nor the hashes matched without the secret), and TOTP secrets are
 * sealed with AES-256-GCM. Changing SESSION_SECRET signs everyone out and voids every second factor.
 */
export class SessionSecrets {
  private readonly tokenKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(secret: string) {
    this.tokenKey = derive(secret, 'session-token-v1');
    this.sealKey = derive(secret, 'totp-seal-v1');
  }

  /** The session table's key for a cookie token. */
  tokenHash(token: string): string {
    return createHmac('sha256', this.tokenKey).update(token).digest('hex');
  }

  /** Encrypts a TOTP secret for storage (`v1.<iv>.<tag>.<ciphertext>`, base64url). */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** Decrypts a sealed secret; null when it was sealed under another SESSION_SECRET or is damaged. */
  unseal(sealed: string): string | null {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

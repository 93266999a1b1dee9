import { describe, expect, it } from 'vitest';
import { SessionSecrets } from './secrets';
import { matchTotp, newTotpSecret, totpCode } from './totp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NOW = Date.parse('2026-11-23T02:00:10Z');

describe('TOTP codes', () => {
  it('match the step before, at and after now, never a used step or an older one', () => {
    const at = (offsetS: number) => totpCode(SECRET, NOW + offsetS * 1000);
    const step = Math.floor(NOW / 30_000);
    expect(matchTotp(SECRET, at(0), NOW, null)).toBe(step);
    expect(matchTotp(SECRET, at(-30), NOW, null)).toBe(step - 1);
    expect(matchTotp(SECRET, at(30), NOW, null)).toBe(step + 1);
    expect(matchTotp(SECRET, at(-60), NOW, null)).toBeNull();
    expect(matchTotp(SECRET, at(60), NOW, null)).toBeNull();
    expect(matchTotp(SECRET, at(0), NOW, step)).toBeNull();
    expect(matchTotp(SECRET, at(30), NOW, step)).toBe(step + 1);
    expect(matchTotp(SECRET, 'abcdef', NOW, null)).toBeNull();
    expect(matchTotp(SECRET, '12345', NOW, null)).toBeNull();
  });

  it('match the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s -> 94287082 (8 digits; 6: 287082).
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(rfcSecret, 59_000)).toBe('287082');
  });

  it('come from new secrets of 160 bits', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });
});

describe('SESSION_SECRET', () => {
  it('seals TOTP secrets so only the same SESSION_SECRET opens them', () => {
    const secrets = new SessionSecrets('a'.repeat(40));
    const sealed = secrets.seal(SECRET);
    expect(sealed).not.toContain(SECRET);
    expect(secrets.seal(SECRET)).not.toBe(sealed);
    expect(secrets.unseal(sealed)).toBe(SECRET);
    expect(new SessionSecrets('b'.repeat(40)).unseal(sealed)).toBeNull();
    expect(secrets.unseal(sealed.slice(0, -2))).toBeNull();
  });

  it('keys the session hashes', () => {
    const a = new SessionSecrets('a'.repeat(40));
    expect(a.tokenHash('token')).toBe(a.tokenHash('token'));
    expect(new SessionSecrets('b'.repeat(40)).tokenHash('token')).not.toBe(a.tokenHash('token'));
  });
});

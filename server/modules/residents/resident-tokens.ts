import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { serverSecret } from '../../db/settings';

const SECRET_KEY = 'resident_token_secret';

/**
 * Tokens that prove a device filed or followed a report. Each is an HMAC of the report (or follower
 * row) under a server secret created at first start: nothing per token is stored, and an idempotent
 * retry gets the same token back.
 */
export class ResidentTokens {
  private readonly secret: Buffer;

  constructor(db: Db) {
    this.secret = serverSecret(db, SECRET_KEY);
  }

  private sign(subject: string): string {
    return createHmac('sha256', this.secret).update(subject).digest('base64url');
  }

  /** The token of the device that filed a report. */
  forReport(reportId: number): string {
    return this.sign(`report:${reportId}`);
  }

  /** The token of a device that followed a report. */
  forFollower(followerId: number): string {
    return this.sign(`follower:${followerId}`);
  }

  /**
   * The token of the device that filed a report which was held for review (it has no report id yet);
   * it stays valid for the report if an operator releases it under the same tracking code.
   */
  forHeld(trackingCode: string): string {
    return this.sign(`held:${trackingCode}`);
  }

  /**
   * True when `token` belongs to the filer of one of `reportIds` (or of the held report released as
   * `trackingCode`) or to one of the followers.
   */
  verify(
    token: string | undefined,
    reportIds: readonly number[],
    followerIds: readonly number[],
    trackingCode?: string,
  ): boolean {
    if (!token || token.length > 100) return false;
    const given = Buffer.from(token);
    const same = (expected: string) => {
      const e = Buffer.from(expected);
      return e.length === given.length && timingSafeEqual(e, given);
    };
    return (
      reportIds.some((id) => same(this.forReport(id))) ||
      followerIds.some((id) => same(this.forFollower(id))) ||
      (trackingCode !== undefined && same(this.forHeld(trackingCode)))
    );
  }
}

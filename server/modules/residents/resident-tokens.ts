import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { settings } from '../../db/schema';

const SECRET_KEY = 'resident_token_secret';

/**
 * Tokens that prove a device filed or followed a report. Each is an HMAC of the report (or follower
 * row) under a server secret created at first start: nothing per token is stored, and an idempotent
 * retry gets the same token back.
 */
export class ResidentTokens {
  private readonly secret: Buffer;

  constructor(db: Db) {
    const row = db.select().from(settings).where(eq(settings.key, SECRET_KEY)).get();
    if (row) {
      this.secret = Buffer.from(row.value, 'base64url');
    } else {
      this.secret = randomBytes(32);
      db.insert(settings)
        .values({ key: SECRET_KEY, value: this.secret.toString('base64url') })
        .onConflictDoNothing()
        .run();
    }
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

  /** True when `token` belongs to the filer of one of `reportIds` or to one of the followers. */
  verify(token: string | undefined, reportIds: readonly number[], followerIds: readonly number[]): boolean {
    if (!token || token.length > 100) return false;
    const given = Buffer.from(token);
    const same = (expected: string) => {
      const e = Buffer.from(expected);
      return e.length === given.length && timingSafeEqual(e, given);
    };
    return reportIds.some((id) => same(this.forReport(id))) || followerIds.some((id) => same(this.forFollower(id)));
  }
}

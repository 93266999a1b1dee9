import path from 'node:path';
import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../../shared/domain/statuses';
import { buildApp } from '../../server/app';
import { openMemoryDatabase } from '../../server/db/client';
import { systemClock } from '../../server/domain/clock';
import { totpCode } from '../../server/modules/auth/totp';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, loadDemoCity } from './load-demo-city';

describe('the demo city', () => {
  it('loads three wards, every demo login, and history in every status over the last 90 days', async () => {
    const db = openMemoryDatabase();
    const now = Date.now();
    const summary = await loadDemoCity(db, { now, photoDir: path.join(tmpdir(), 'beacon-demo-photos') });
    expect(summary.areas).toBe(3);
    expect(summary.reports).toBeGreaterThanOrEqual(300);

    const statuses = db.all<{ status: string }>(sql`select distinct status from reports`).map((r) => r.status);
    expect(statuses.sort()).toEqual([...REPORT_STATUSES].sort());
    const span = db.get<{ first: number; last: number }>(
      sql`select min(created_at) as first, max(created_at) as last from reports`,
    )!;
    expect(now - span.first).toBeGreaterThan(80 * 86_400_000);
    expect(now - span.first).toBeLessThanOrEqual(90 * 86_400_000);
    expect(span.last).toBeLessThan(now);
    // Every change wrote its event: each report has a created event, and statuses match the last event.
    const mismatched = db.get<{ n: number }>(sql`
      select count(*) as n from reports r
      where r.status != (select e.to_status from report_events e where e.report_id = r.id and e.type != 'duplicate_merged' order by e.id desc limit 1)`)!;
    expect(mismatched.n).toBe(0);
    // Residents rated fixed problems (the leaders' satisfaction figures), within the default 30 days too,
    // mostly satisfied but not all; a rating closes the report.
    const ratings = db.all<{ rating: number; status: string; recent: number }>(sql`
      select rating, status, rated_at > ${now - 30 * 86_400_000} as recent from reports where rated_at is not null`);
    expect(ratings.length).toBeGreaterThan(30);
    expect(ratings.filter((r) => r.recent).length).toBeGreaterThan(5);
    expect(new Set(ratings.map((r) => r.status))).toEqual(new Set(['closed']));
    const satisfied = ratings.filter((r) => r.rating >= 4).length / ratings.length;
    expect(satisfied).toBeGreaterThan(0.5);
    expect(satisfied).toBeLessThan(0.95);

    const { app } = buildApp({
      db,
      clock: systemClock,
      options: {
        codePrefix: 'TH',
        sessionTtlMs: 60_000,
        cookieSecure: false,
        photoDir: path.join(tmpdir(), 'beacon-demo-photos'),
      },
    });
    for (const username of ['operator', 'staff.lighting', 'leader', 'admin']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        // The demo admin's second factor is the documented demo secret.
        payload: {
          username,
          password: DEMO_PASSWORD,
          ...(username === 'admin' ? { totp: totpCode(DEMO_TOTP_SECRET, Date.now()) } : {}),
        },
      });
      expect(res.statusCode, username).toBe(200);
    }
    await app.close();
  });
});

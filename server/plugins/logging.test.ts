import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, type TestApp } from '../test/app';
import { TEST_PASSWORD } from '../test/city';
import { loggedUrl, scrubLogLine } from './logging';

/** Every line the app logs, parsed. */
class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

// What a scripted session sends that must never reach a log.
const SECRETS = {
  wrongPassword: 'Sai-mat-khau-9183',
  rightPassword: TEST_PASSWORD,
  phone: '0905 417 263',
  phoneDigits: '0905417263',
  email: 'nguyen.van.an.4417@example.vn',
  apiKey: 'k-7f3a9c2e5b1d',
};

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('logs', () => {
  it('are JSON lines with request ids, and carry no passwords, cookies, phone numbers or emails', async () => {
    const logs = new LogCapture();
    t = await buildTestApp({ logLevel: 'info', logStream: logs, rateLimits: { loginAccountMaxFailures: 3 } });
    const { app } = t;

    // Bad logins, then a good one (its cookie must not be logged either).
    for (const username of ['operator', 'no-such-user'])
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password: SECRETS.wrongPassword },
          })
        ).statusCode,
      ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: SECRETS.rightPassword },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'beacon_sid')!.value;
    const cookie = `beacon_sid=${session}`;

    // 429: the operator's account is locked after three wrong passwords (the first was above).
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'operator', password: SECRETS.wrongPassword },
          })
        ).statusCode,
      );
    expect(statuses).toEqual([401, 401, 429]);

    // 403: a leader may not act on reports.
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/reports/1/priority',
          headers: { cookie },
          payload: { priority: 'urgent' },
        })
      ).statusCode,
    ).toBe(403);

    // 422: a report with contact details and a broken field.
    const bad = await app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({
        lat: 'north',
        contact: { name: 'Nguyễn Văn An', phone: SECRETS.phone, email: SECRETS.email },
      }),
    });
    expect(bad.statusCode).toBe(422);

    // Personal data in a query string (an Open311 client sending everything in the URL).
    await app.inject({
      method: 'POST',
      url: `/open311/v2/requests.json?api_key=${SECRETS.apiKey}&email=${encodeURIComponent(SECRETS.email)}&phone=${SECRETS.phoneDigits}`,
    });

    // 500: the database refuses the insert with a message that quotes the reporter's phone and email.
    t.db.$client.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON reports BEGIN SELECT RAISE(ABORT, 'refused for ' || NEW.reporter_phone || ' / ' || NEW.reporter_email); END`,
    );
    const failed = await app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: reportBody({ contact: { name: 'Nguyễn Văn An', phone: SECRETS.phone, email: SECRETS.email } }),
    });
    expect(failed.statusCode).toBe(500);
    const failedId = failed.json().requestId as string;
    expect(failed.headers['x-request-id']).toBe(failedId);
    expect(failed.body).not.toContain(SECRETS.phoneDigits);

    const text = logs.lines.join('\n');
    for (const secret of [
      SECRETS.wrongPassword,
      SECRETS.rightPassword,
      session,
      SECRETS.phone,
      SECRETS.phoneDigits,
      SECRETS.email,
      SECRETS.apiKey,
    ])
      expect(text).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('beacon_sid');

    // Every line is JSON; every line about a request names it; the 500 is logged with its request id.
    const records = logs.records;
    const requestLines = records.filter((r) => r.req !== undefined || r.res !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(14);
    for (const r of requestLines) expect(r.reqId).toEqual(expect.any(String));
    const failure = records.find((r) => r.reqId === failedId && r.level === 50);
    expect(failure?.msg).toBe('unhandled error');
    expect(JSON.stringify(failure)).toContain('refused for [phone] / [email]');
    const completed = records
      .filter((r) => r.msg === 'request completed')
      .map((r) => (r.res as { statusCode: number }).statusCode);
    expect(completed).toEqual(expect.arrayContaining([401, 429, 200, 403, 422, 500]));
  });

  it("keeps a proxy's request id when it looks like one, and makes a fresh one otherwise", async () => {
    t = await buildTestApp();
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'edge-4f1c2a9b' },
    });
    expect(kept.headers['x-request-id']).toBe('edge-4f1c2a9b');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'x"\n{"level":60}' },
    });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('log scrubbing', () => {
  it('drops secret query values and keeps the rest of the URL', () => {
    expect(loggedUrl('/open311/v2/requests.json?api_key=abc&service_code=street_lighting&Email=a%40b.vn')).toBe(
      '/open311/v2/requests.json?api_key=[redacted]&service_code=street_lighting&Email=[redacted]',
    );
    expect(loggedUrl('/api/track/TH-2611-0001')).toBe('/api/track/TH-2611-0001');
  });

  it('masks phone numbers and emails but leaves numbers, ids and times intact', () => {
    const line = JSON.stringify({
      responseTime: 10.0123456789,
      time: 1764900000000,
      msg: 'call +84 905 417 263 or 0905-417-263, mail an@x.vn',
      code: 'TH-2611-0001',
    });
    const scrubbed = scrubLogLine(line);
    expect(JSON.parse(scrubbed)).toEqual({
      responseTime: 10.0123456789,
      time: 1764900000000,
      msg: 'call [phone] or [phone], mail [email]',
      code: 'TH-2611-0001',
    });
  });
});

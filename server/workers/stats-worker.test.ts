import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsOverview } from '../../shared/schemas/stats';
import { createStatsReads } from '../modules/stats/stats.reads';
import { buildTestApp, reportBody, TEST_NOW, type TestApp } from '../test/app';

// The server on a database file: statistics come from the worker thread's own read-only connection.
let t: TestApp;
let leader: string;
const FROM = new Date(TEST_NOW - 7 * 86_400_000).toISOString();
const TO = new Date(TEST_NOW + 86_400_000).toISOString();

beforeAll(async () => {
  t = await buildTestApp({ onFile: true });
  leader = await t.login('leader');
});
afterAll(() => t?.close());

async function overview(): Promise<StatsOverview> {
  const res = await t.app.inject({ url: `/api/stats/overview?from=${FROM}&to=${TO}`, headers: { cookie: leader } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatsOverview>();
}

describe('the statistics worker thread', () => {
  it('answers on a database file, with the figures the same reads give on the server connection', async () => {
    expect(t.services.statsWorker).toBeDefined();
    const before = await overview();
    // New reports reach the worker's model through the event log (its connection sees the commits).
    for (let k = 0; k < 3; k++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = await overview();
    expect(after.headline.received.value).toBe(before.headline.received.value + 3);
    expect(after.backlog.open).toBe(before.backlog.open + 3);
    const q = { from: FROM, to: TO, bucket: 'day' as const, minSample: 10 };
    expect(after).toEqual(createStatsReads(t.db).overview(q, {}));
  });

  it('fails a call it cannot answer with an error, and keeps answering the next ones', async () => {
    await expect(t.services.statsWorker!.call('no_such_read', [])).rejects.toThrow(/no statistics read named/);
    expect((await overview()).headline.received.value).toBeGreaterThan(0);
  });

  it('is started again after it dies', async () => {
    const worker = t.services.statsWorker!;
    // Kill the thread; the next question starts a new one (which loads the model again).
    await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect((await overview()).headline.received.value).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { BulkSkip, runBulk, summarizeFailures, type BulkProgress } from './bulk';

const items = [1, 2, 3, 4].map((id) => ({ id, trackingCode: `TH-2611-00000${id}` }));

describe('bulk actions', () => {
  it('applies to each report in turn and reports progress after each', async () => {
    const order: number[] = [];
    const seen: string[] = [];
    const final = await runBulk(
      items,
      async (r) => {
        order.push(r.id);
      },
      (p) => seen.push(`${p.done}/${p.total}${p.running ? '' : ' done'}`),
    );
    expect(order).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4', '4/4 done']);
    expect(final).toMatchObject({ done: 4, succeeded: 4, failures: [], running: false });
  });

  it('goes on after a failure and sums the failures up by reason', async () => {
    const final = await runBulk(
      items,
      async (r) => {
        if (r.id === 2 || r.id === 4) throw new ApiError(409, 'version_conflict', 'conflict');
        if (r.id === 3) throw new BulkSkip('no_unit');
      },
      () => {},
    );
    expect(final.done).toBe(4);
    expect(final.succeeded).toBe(1);
    expect(final.failures.map((f) => f.code)).toEqual(['version_conflict', 'no_unit', 'version_conflict']);
    expect(summarizeFailures(final.failures)).toEqual([
      { code: 'version_conflict', codes: ['TH-2611-000002', 'TH-2611-000004'] },
      { code: 'no_unit', codes: ['TH-2611-000003'] },
    ]);
  });

  it('stops early when asked, leaving the rest untried', async () => {
    let last: BulkProgress | null = null;
    const final = await runBulk(
      items,
      async () => {},
      (p) => (last = p),
      () => (last?.done ?? 0) >= 2,
    );
    expect(final).toMatchObject({ done: 2, total: 4, running: false });
  });

  it('names an unexpected error without losing the report', async () => {
    const final = await runBulk(
      items.slice(0, 1),
      () => Promise.reject(new Error('boom')),
      () => {},
    );
    expect(final.failures).toEqual([{ id: 1, trackingCode: 'TH-2611-000001', code: 'unexpected_response' }]);
  });
});

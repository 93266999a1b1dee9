import { describe, expect, it } from 'vitest';
import { staffReport } from '../../test/factories';
import { pushTicker, tickerItem, TICKER_MAX } from './ticker';

const at = (id: number, minute: number) =>
  tickerItem(staffReport(id, { createdAt: `2025-11-26T01:${String(minute).padStart(2, '0')}:00Z` }));

describe('the ticker of new reports', () => {
  it('shows the newest first', () => {
    const items = pushTicker(pushTicker([], [at(1, 1)]), [at(2, 2)]);
    expect(items.map((i) => i.id)).toEqual([2, 1]);
  });

  it('keeps each report once, whatever a reconnect replays', () => {
    const once = pushTicker([], [at(1, 1), at(2, 2)]);
    expect(pushTicker(once, [at(2, 2)])).toBe(once);
  });

  it(`keeps at most ${TICKER_MAX} lines`, () => {
    const many = Array.from({ length: 12 }, (_, i) => at(i + 1, i));
    const items = pushTicker([], many);
    expect(items).toHaveLength(TICKER_MAX);
    expect(items[0]!.id).toBe(12);
  });

  it('carries code, category, ward and time', () => {
    expect(at(3, 5)).toMatchObject({
      trackingCode: 'PY-2611-000003',
      category: { vi: 'Đèn đường không sáng' },
      area: 'Phường Tuy Hòa',
      createdAt: '2025-11-26T01:05:00Z',
    });
  });
});

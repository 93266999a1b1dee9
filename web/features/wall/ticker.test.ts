import { describe, expect, it } from 'vitest';
import { staffReport } from '../../test/factories';
import { arrivedInUnit, pushTicker, tickerItem, TICKER_MAX } from './ticker';

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

describe("a unit's wall", () => {
  const lighting = { id: 7, name: 'Công ty Chiếu sáng' };
  it('takes a report just dispatched to the unit for a new one', () => {
    expect(arrivedInUnit(staffReport(1, { status: 'assigned', unit: lighting }), 7)).toBe(true);
  });

  it('does not take the unit’s work on a report, or a report that left the unit, for a new one', () => {
    const acknowledged = { status: 'assigned', unit: lighting, acknowledgedAt: '2025-11-26T02:00:00Z' } as const;
    expect(arrivedInUnit(staffReport(1, acknowledged), 7)).toBe(false);
    expect(arrivedInUnit(staffReport(1, { status: 'in_progress', unit: lighting }), 7)).toBe(false);
    expect(arrivedInUnit(staffReport(1, { status: 'assigned', unit: { id: 8, name: 'Phòng QLĐT' } }), 7)).toBe(false);
    expect(arrivedInUnit(staffReport(1, { status: 'received', unit: null }), 7)).toBe(false);
  });
});

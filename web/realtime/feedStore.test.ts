import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StaffReportView } from '../../shared/schemas/reports';
import { createFeedStore, FRESH_MS } from './feedStore';

const report = (id: number, version = 1) => ({ id, version, status: 'received' }) as StaffReportView;

afterEach(() => vi.useRealTimers());

describe('the feed store', () => {
  it('highlights a newly arrived report for a few seconds', () => {
    vi.useFakeTimers();
    const store = createFeedStore(() => true);
    store.snapshot({ items: [], lastEventId: 5 });
    store.events([{ kind: 'created', eventId: 6, report: report(7) }]);
    expect(store.getState().fresh.has(7)).toBe(true);
    vi.advanceTimersByTime(FRESH_MS + 1);
    expect(store.getState().fresh.has(7)).toBe(false);
    expect(store.getState().byId.has(7)).toBe(true);
  });

  it('does not notify listeners for an event it ignores', () => {
    const store = createFeedStore(() => true);
    store.snapshot({ items: [report(1)], lastEventId: 9 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.events([{ kind: 'updated', eventId: 9, report: report(1, 2) }]);
    expect(listener).not.toHaveBeenCalled();
    store.events([{ kind: 'updated', eventId: 10, report: report(1, 2) }]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('applies a frame of many events in order with one notification, highlighting only new reports', () => {
    const store = createFeedStore((r) => r.status !== 'closed');
    store.snapshot({ items: [report(1)], lastEventId: 20 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.events([
      { kind: 'updated', eventId: 19, report: { ...report(1, 5), status: 'closed' } as StaffReportView },
      { kind: 'created', eventId: 21, report: report(2) },
      { kind: 'updated', eventId: 22, report: report(1, 2) },
      { kind: 'created', eventId: 23, report: report(3) },
      { kind: 'updated', eventId: 24, report: { ...report(3, 2), status: 'closed' } as StaffReportView },
    ]);
    expect(listener).toHaveBeenCalledTimes(1);
    const state = store.getState();
    expect(state.lastEventId).toBe(24);
    expect([...state.byId.keys()].sort()).toEqual([1, 2]);
    expect(state.byId.get(1)!.version).toBe(2);
    expect([...state.fresh]).toEqual([2]);
  });
});

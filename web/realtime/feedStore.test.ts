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
    store.event({ eventId: 6, report: report(7) }, true);
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
    store.event({ eventId: 9, report: report(1, 2) }, false);
    expect(listener).not.toHaveBeenCalled();
    store.event({ eventId: 10, report: report(1, 2) }, false);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listMyReports, onMyReportsChange, saveMyReport, tokenFor } from './myReports';

beforeEach(() => localStorage.clear());

describe("the device's own reports", () => {
  it('keeps the token of each report this device filed or followed, newest first', () => {
    saveMyReport({
      trackingCode: 'TH-1',
      residentToken: 'a',
      categoryCode: 'trees',
      filedAt: '2025-11-20T01:00:00Z',
      followed: false,
    });
    saveMyReport({
      trackingCode: 'TH-2',
      residentToken: 'b',
      categoryCode: 'trees',
      filedAt: '2025-11-26T01:00:00Z',
      followed: true,
    });
    expect(listMyReports().map((r) => r.trackingCode)).toEqual(['TH-2', 'TH-1']);
    expect(tokenFor('TH-1')).toBe('a');
    expect(tokenFor('TH-9')).toBeNull();
  });

  it('keeps a filed report marked as filed when the same device later follows it', () => {
    saveMyReport({
      trackingCode: 'TH-1',
      residentToken: 'a',
      categoryCode: 'trees',
      filedAt: '2025-11-20T01:00:00Z',
      followed: false,
    });
    saveMyReport({
      trackingCode: 'TH-1',
      residentToken: 'b',
      categoryCode: 'trees',
      filedAt: '2025-11-21T01:00:00Z',
      followed: true,
    });
    expect(listMyReports()).toEqual([
      {
        trackingCode: 'TH-1',
        residentToken: 'b',
        categoryCode: 'trees',
        filedAt: '2025-11-20T01:00:00Z',
        followed: false,
      },
    ]);
  });

  it('ignores damaged storage and tells listeners about changes', () => {
    localStorage.setItem('beacon.myReports', '[{"trackingCode":5},"x"]');
    expect(listMyReports()).toEqual([]);
    const listener = vi.fn();
    const stop = onMyReportsChange(listener);
    saveMyReport({
      trackingCode: 'TH-3',
      residentToken: 'c',
      categoryCode: 'x',
      filedAt: '2025-11-26T01:00:00Z',
      followed: false,
    });
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  clusterRing,
  clusterShares,
  countWallReports,
  deadlineColour,
  isAlertPriority,
  wallClusterHtml,
  wallMarkerHtml,
  type WallCluster,
} from './wallLook';

const cluster = (count: number, overdue: number, dueSoon: number): WallCluster => ({
  type: 'cluster',
  id: 1,
  lat: 13.09,
  lng: 109.3,
  count,
  overdue,
  dueSoon,
  expansionZoom: 15,
});

describe('the wall colours reports by their deadline', () => {
  it('paints on-time reports blue, due-soon amber and overdue red', () => {
    expect(deadlineColour('on_time')).toBe('#2563eb');
    expect(deadlineColour('due_soon')).toBe('#f59e0b');
    expect(deadlineColour('overdue')).toBe('#dc2626');
  });

  it('gives a report marker its deadline colour and state, and its status in words', () => {
    const html = wallMarkerHtml(
      { trackingCode: 'TH-2611-7KQ3MD', deadline: 'overdue', status: 'assigned', priority: 'high' },
      'Đã giao xử lý',
    );
    expect(html).toContain('class="wall-marker deadline-overdue"');
    expect(html).toContain('data-deadline="overdue"');
    expect(html).toContain('data-tracking-code="TH-2611-7KQ3MD"');
    expect(html).toContain('--deadline:#dc2626');
    expect(html).toContain('>Đã giao xử lý</span>');
    // The shared priority-high class would paint the marker like a badge.
    expect(html).not.toMatch(/class="[^"]*priority-/);
  });

  it('escapes what it puts into the marker HTML', () => {
    const html = wallMarkerHtml(
      { trackingCode: 'A"<b>', deadline: 'on_time', status: 'received', priority: 'low' },
      '<x>',
    );
    expect(html).toContain('data-tracking-code="A&quot;&lt;b&gt;"');
    expect(html).toContain('&lt;x&gt;');
  });

  it('rings a cluster with a red share for its overdue reports, then amber for those due soon', () => {
    expect(clusterShares(cluster(10, 3, 2))).toEqual({ overdue: 30, dueSoon: 20 });
    expect(clusterRing(cluster(10, 3, 2))).toBe('conic-gradient(#dc2626 0% 30%, #f59e0b 30% 50%, #2563eb 50% 100%)');
    expect(clusterShares(cluster(4, 0, 0))).toEqual({ overdue: 0, dueSoon: 0 });
    expect(clusterShares(cluster(3, 3, 0))).toEqual({ overdue: 100, dueSoon: 0 });
  });

  it('never lets the shares pass the whole circle, even with inconsistent counts', () => {
    const s = clusterShares(cluster(3, 2, 3));
    expect(s.overdue + s.dueSoon).toBeLessThanOrEqual(100);
  });

  it('writes the count and its shares on the cluster for tests', () => {
    const html = wallClusterHtml(cluster(12, 5, 1));
    expect(html).toContain('data-count="12"');
    expect(html).toContain('data-overdue="5"');
    expect(html).toContain('has-overdue');
  });

  it('counts every report a cluster stands for', () => {
    const report = {
      type: 'report' as const,
      id: 9,
      trackingCode: 'X',
      lat: 0,
      lng: 0,
      status: 'received' as const,
      priority: 'normal' as const,
      categoryCode: 'trees',
      deadline: 'on_time' as const,
    };
    expect(countWallReports([cluster(7, 0, 0), report])).toBe(8);
  });

  it('beeps and flashes only for urgent and high priority', () => {
    expect(isAlertPriority('urgent')).toBe(true);
    expect(isAlertPriority('high')).toBe(true);
    expect(isAlertPriority('normal')).toBe(false);
    expect(isAlertPriority('low')).toBe(false);
  });
});

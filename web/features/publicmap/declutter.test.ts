import { describe, expect, it } from 'vitest';
import type { PublicMapFeature } from '../../../shared/schemas/reports';
import { declutter } from './declutter';

// 1 degree = 1000 px, to reason in pixels.
const project = (lat: number, lng: number) => ({ x: lng * 1000, y: -lat * 1000 });
const cluster = (lng: number, count: number): PublicMapFeature => ({
  type: 'cluster',
  id: count,
  lat: 0,
  lng,
  count,
  expansionZoom: 15,
});
const report = (lng: number, code: string): PublicMapFeature => ({
  type: 'report',
  trackingCode: code,
  lat: 0,
  lng,
  status: 'received',
  categoryCode: 'trees',
});

describe('declutter', () => {
  it('folds a report whose marker would overlap a cluster into it', () => {
    const out = declutter([cluster(0, 5), report(0.025, 'A'), report(0.2, 'B')], project);
    expect(out).toEqual([
      expect.objectContaining({ type: 'cluster', count: 6 }),
      expect.objectContaining({ trackingCode: 'B' }),
    ]);
  });

  it('merges overlapping clusters, keeping the zoom that splits them first', () => {
    const a = { ...cluster(0, 20), expansionZoom: 16 } as PublicMapFeature;
    const out = declutter([a, { ...cluster(0.03, 3), expansionZoom: 14 } as PublicMapFeature], project);
    expect(out).toEqual([expect.objectContaining({ count: 23, expansionZoom: 14 })]);
  });

  it('leaves features that do not touch alone', () => {
    const input = [cluster(0, 5), report(0.1, 'A'), report(0.3, 'B')];
    expect(declutter(input, project)).toHaveLength(3);
  });
});

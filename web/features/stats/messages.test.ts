import { describe, expect, it } from 'vitest';
import { STATS_FIGURES } from '../../../shared/schemas/stats';
import { statsCatalogues, translateStats, type StatsKey } from './messages';
import { PERIOD_PRESETS } from './statsQuery';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the statistics catalogues', () => {
  const keys = Object.keys(statsCatalogues.vi) as StatsKey[];

  it('give every Vietnamese message an English one, with the same placeholders', () => {
    expect(keys.filter((k) => !statsCatalogues.en[k]?.trim())).toEqual([]);
    expect(
      keys.filter((k) => placeholders(statsCatalogues.vi[k]).join() !== placeholders(statsCatalogues.en[k]).join()),
    ).toEqual([]);
    expect(Object.keys(statsCatalogues.en).filter((k) => !(k in statsCatalogues.vi))).toEqual([]);
  });

  it('name every period preset and drill-down figure', () => {
    for (const p of PERIOD_PRESETS) expect(keys).toContain(`period.${p}`);
    for (const f of STATS_FIGURES) expect(keys).toContain(`drill.${f}`);
  });

  it('write Vietnamese with its diacritics', () => {
    expect(translateStats('vi', 'fig.received')).toBe('Tiếp nhận');
    expect(translateStats('vi', 'fig.resolved')).toBe('Đã xử lý');
    expect(translateStats('vi', 'fig.onTimeRate')).toBe('Đúng hạn');
    expect(translateStats('vi', 'fig.backlog')).toBe('Tồn đọng');
    expect(translateStats('vi', 'fig.satisfaction')).toBe('Mức hài lòng');
    expect(translateStats('en', 'rank.tooFewHint', { n: 10 })).toContain('at least 10 reports');
  });
});

import { describe, expect, it } from 'vitest';
import { REPORT_ACTIONS } from '../../shared/domain/lifecycle';
import { PRIORITIES, CHANNELS } from '../../shared/domain/channels';
import { STAFF_ROLES } from '../../shared/domain/roles';
import { REPORT_STATUSES } from '../../shared/domain/statuses';
import { catalogue, isMessageKey, LANGS, translate } from './translate';

describe('interface languages', () => {
  it.each(LANGS)('labels every report status in %s', (lang) => {
    for (const status of REPORT_STATUSES) {
      const key = `status.${status}`;
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(translate(lang, key).trim(), key).not.toBe('');
    }
  });

  it.each(LANGS)('labels every action, priority, channel and role in %s', (lang) => {
    const keys = [
      ...REPORT_ACTIONS.map((a) => `action.${a}`),
      ...PRIORITIES.map((p) => `priority.${p}`),
      ...CHANNELS.map((c) => `channel.${c}`),
      ...STAFF_ROLES.map((r) => `role.${r}`),
    ];
    for (const key of keys) {
      expect(isMessageKey(key), key).toBe(true);
      if (isMessageKey(key)) expect(translate(lang, key).trim(), key).not.toBe('');
    }
  });

  it('gives different status labels per language', () => {
    expect(translate('vi', 'status.in_progress')).toBe('Đang xử lý');
    expect(translate('en', 'status.in_progress')).toBe('In progress');
  });

  it('writes Vietnamese with its diacritics, never ASCII-folded', () => {
    expect(translate('vi', 'report.submit')).toBe('Gửi phản ánh');
    expect(translate('vi', 'report.success.code')).toBe('Mã theo dõi');
    const vi = Object.values(catalogue('vi')).join(' ');
    expect(vi).not.toMatch(/\b(Gui phan anh|Ma theo doi|Dang xu ly|Tu choi)\b/);
  });

  it('fills placeholders', () => {
    expect(translate('vi', 'track.title', { code: 'TH-2611-7KQ3MD' })).toBe('Phản ánh TH-2611-7KQ3MD');
    expect(translate('en', 'desk.count', { n: 3 })).toBe('3 reports');
  });

  it('has the same keys in every catalogue', () => {
    const keys = LANGS.map((lang) => new Set(Object.keys(catalogue(lang))));
    for (const [i, lang] of LANGS.entries()) {
      for (const [j, other] of LANGS.entries()) {
        if (i === j) continue;
        const missing = [...keys[i]!].filter((k) => !keys[j]!.has(k));
        expect(missing, `keys in ${lang} but not in ${other}`).toEqual([]);
      }
    }
  });

  it.each(LANGS)('leaves no %s catalogue entry empty', (lang) => {
    const empty = Object.entries(catalogue(lang))
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LANGS)('uses the same placeholders in %s as in Vietnamese', (lang) => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const vi = catalogue('vi');
    const other = catalogue(lang);
    const differ = Object.keys(vi).filter(
      (key) =>
        JSON.stringify(names(vi[key as keyof typeof vi])) !==
        JSON.stringify(names(other[key as keyof typeof vi] ?? '')),
    );
    expect(differ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { adminCatalogues, translateAdmin, type AdminKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the admin catalogues', () => {
  const keys = Object.keys(adminCatalogues.vi) as AdminKey[];

  it('give every Vietnamese message an English one, with the same placeholders', () => {
    const missing = keys.filter((k) => !adminCatalogues.en[k]?.trim());
    expect(missing).toEqual([]);
    const mismatched = keys.filter(
      (k) => placeholders(adminCatalogues.vi[k]).join() !== placeholders(adminCatalogues.en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no English key that Vietnamese lacks, and no empty Vietnamese text', () => {
    expect(Object.keys(adminCatalogues.en).filter((k) => !(k in adminCatalogues.vi))).toEqual([]);
    expect(keys.filter((k) => !adminCatalogues.vi[k].trim())).toEqual([]);
  });

  it('keep the Vietnamese diacritics and fill placeholders', () => {
    expect(translateAdmin('vi', 'areas.wizard.featureError', { n: 2, message: 'vòng không khép kín' })).toBe(
      'Đối tượng thứ 2: vòng không khép kín',
    );
    expect(translateAdmin('en', 'deadline.workingDays', { n: 3 })).toBe('3 working days');
  });
});

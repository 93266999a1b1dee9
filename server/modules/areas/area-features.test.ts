import { describe, expect, it } from 'vitest';
import { checkFeaturesSync, propertyNames, suggestProperties } from './area-features';
import { feature, polygon, rect } from '../../test/geojson';

const square = polygon(rect(109.3, 13.1, 109.31, 13.11));

describe('reading codes and names', () => {
  it('stores Vietnamese names in one Unicode form, whatever form the file used', () => {
    const decomposed = 'Phường Tuy Hòa'.normalize('NFD');
    expect(decomposed).not.toBe('Phường Tuy Hòa');
    const { features, problems } = checkFeaturesSync([feature({ ma: '22015', ten: `  ${decomposed} ` }, square)], {
      codeProperty: 'ma',
      nameProperty: 'ten',
    });
    expect(problems).toEqual([]);
    expect(features[0]!.nameVi).toBe('Phường Tuy Hòa');
  });

  it('takes numeric codes as written (MA_XA 22015 -> "22015") and falls back to the Vietnamese name for English', () => {
    const { features } = checkFeaturesSync([feature({ MA_XA: 22015, TEN_XA: 'Phường Tuy Hòa', TEN_EN: '' }, square)], {
      codeProperty: 'MA_XA',
      nameProperty: 'TEN_XA',
      nameEnProperty: 'TEN_EN',
    });
    expect(features[0]).toMatchObject({ code: '22015', nameVi: 'Phường Tuy Hòa', nameEn: null });
  });

  it('lists the properties seen with up to three examples each', () => {
    const { properties } = checkFeaturesSync(
      ['Phường Tuy Hòa', 'Phường Phú Yên', 'Phường Bình Kiến', 'Xã Hòa Kiến'].map((ten, i) =>
        feature({ ma: i, ten }, square),
      ),
      {},
    );
    expect(properties).toEqual([
      { name: 'ma', examples: ['0', '1', '2'] },
      { name: 'ten', examples: ['Phường Tuy Hòa', 'Phường Phú Yên', 'Phường Bình Kiến'] },
    ]);
  });
});

describe('suggestProperties', () => {
  it.each([
    [['OBJECTID', 'MA_XA', 'TEN_XA', 'MA_HUYEN', 'DIEN_TICH'], { code: 'MA_XA', name: 'TEN_XA', nameEn: null }],
    [['ma', 'ten', 'name_en'], { code: 'ma', name: 'ten', nameEn: 'name_en' }],
    [['id', 'code', 'name', 'name_vi'], { code: 'code', name: 'name', nameEn: null }],
    [['fid', 'shape_area'], { code: null, name: null, nameEn: null }],
  ])('suggests from %j', (names, expected) => {
    expect(suggestProperties(names.map((name) => ({ name })))).toEqual(expected);
  });

  it('collects property names across all features, in first-seen order', () => {
    expect(propertyNames([feature({ a: 1 }, null), feature(null, null), feature({ b: 2, a: 3 }, null)])).toEqual([
      { name: 'a' },
      { name: 'b' },
    ]);
  });
});

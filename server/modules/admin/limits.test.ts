import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_LIMITS, type ConfigFile } from '../../../shared/schemas/admin';
import { buildTestAppAs, type Api } from '../../test/api';
import type { TestApp } from '../../test/app';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin')));
afterAll(() => t.close());

const exportConfig = async () => (await call('admin', 'GET', '/api/admin/config')).json() as ConfigFile;

describe('what a city may hold is what its configuration file carries', () => {
  it('fills the catalog to the limit by import, refuses one more category, and its export imports again', async () => {
    const file = await exportConfig();
    const template = file.categories[0]!;
    const extra = Array.from({ length: CITY_LIMITS.categories - file.categories.length }, (_, i) => ({
      ...template,
      code: `extra_${i}`,
      name: { vi: `Loại phản ánh thêm ${i}`, en: `Extra category ${i}` },
    }));
    const filled = await call('admin', 'POST', '/api/admin/config', {
      ...file,
      categories: [...file.categories, ...extra],
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().categories.created).toHaveLength(extra.length);

    const one = await call('admin', 'POST', '/api/admin/categories', { ...template, code: 'one_too_many' });
    expect(one.statusCode).toBe(409);
    expect(one.json().detail).toContain(`the most a configuration file carries (${CITY_LIMITS.categories})`);

    const full = await exportConfig();
    expect(full.categories).toHaveLength(CITY_LIMITS.categories);
    const again = await call('admin', 'POST', '/api/admin/config', full);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().categories).toEqual({ created: [], updated: [], unchanged: CITY_LIMITS.categories });
  });

  it('refuses a file with more categories than that, naming the field', async () => {
    const file = await exportConfig();
    const over = [...file.categories, { ...file.categories[0]!, code: 'over_the_limit' }];
    const res = await call('admin', 'POST', '/api/admin/config', { ...file, categories: over });
    expect(res.statusCode).toBe(422);
    expect(JSON.stringify(res.json().errors)).toContain('categories');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, buildTestAppAs, type Api } from '../../test/api';
import type { TestApp } from '../../test/app';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator', 'staff.lighting', 'leader')));
afterAll(() => t.close());

const template = (categoryCode: string | null, action: string, vi: string, sortOrder = 0) => ({
  categoryCode,
  action,
  title: { vi, en: `EN ${vi}` },
  text: { vi: `${vi}: đã xử lý xong.`, en: `EN ${vi}: done.` },
  sortOrder,
});

describe('reply templates', () => {
  const ids: Record<string, number> = {};

  it('lets admins add templates in Vietnamese and English, per category or for any', async () => {
    for (const [key, body] of Object.entries({
      anyResolve: template(null, 'resolve', 'Đã xử lý'),
      lampB: template('street_lighting', 'resolve', 'Đã thay bóng đèn', 2),
      lampA: template('street_lighting', 'resolve', 'Đã sửa tủ điện', 1),
      holeResolve: template('potholes', 'resolve', 'Đã vá ổ gà'),
      lampAck: template('street_lighting', 'acknowledge', 'Đã tiếp nhận'),
    })) {
      const res = await call('admin', 'POST', '/api/admin/templates', body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ ...body, id: expect.any(Number) });
      ids[key] = res.json().id;
    }
  });

  it("gives unit staff the category's own templates first, then the ones for any category", async () => {
    const res = await call('staff.lighting', 'GET', '/api/templates?categoryCode=street_lighting&action=resolve');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((x: { id: number }) => x.id)).toEqual([ids.lampA, ids.lampB, ids.anyResolve]);
    const other = (await call('operator', 'GET', '/api/templates?categoryCode=potholes&action=resolve')).json();
    expect(other.items.map((x: { id: number }) => x.id)).toEqual([ids.holeResolve, ids.anyResolve]);
    const ack = (
      await call('staff.lighting', 'GET', '/api/templates?categoryCode=street_lighting&action=acknowledge')
    ).json();
    expect(ack.items).toEqual([{ ...template('street_lighting', 'acknowledge', 'Đã tiếp nhận'), id: ids.lampAck }]);
  });

  it('is refused to leaders and residents, and to non-admins for changes', async () => {
    expect((await call('leader', 'GET', '/api/templates')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/templates')).statusCode).toBe(401);
    expect(
      (await call('staff.lighting', 'POST', '/api/admin/templates', template(null, 'resolve', 'x'))).statusCode,
    ).toBe(403);
    const bad = await call('staff.lighting', 'GET', '/api/templates?action=dance');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('action');
  });

  it('names an unknown category and missing texts', async () => {
    const res = await call('admin', 'POST', '/api/admin/templates', { ...template('volcano', 'resolve', 'Núi lửa') });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'categoryCode', message: 'is not a category of the city' }]);
    const empty = await call('admin', 'POST', '/api/admin/templates', {
      ...template(null, 'resolve', 'x'),
      text: { vi: '', en: 'x' },
    });
    expect(empty.json().errors[0].path).toBe('text.vi');
  });

  it('edits and deletes templates, each change in the audit log', async () => {
    const edited = await call('admin', 'PATCH', `/api/admin/templates/${ids.anyResolve}`, {
      text: { vi: 'Đơn vị đã xử lý xong phản ánh của bạn.', en: 'Your report has been resolved.' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().text.vi).toBe('Đơn vị đã xử lý xong phản ánh của bạn.');
    expect((await call('admin', 'DELETE', `/api/admin/templates/${ids.lampB}`)).statusCode).toBe(204);
    expect((await call('admin', 'PATCH', `/api/admin/templates/${ids.lampB}`, { sortOrder: 1 })).statusCode).toBe(404);

    const items = (await call('admin', 'GET', '/api/admin/templates')).json().items;
    expect(items.map((x: { id: number }) => x.id)).not.toContain(ids.lampB);
    const [deleted, updated] = await auditOf(call, 'template');
    expect(deleted).toMatchObject({ action: 'delete', before: { title: { vi: 'Đã thay bóng đèn' } }, after: null });
    expect(updated).toMatchObject({
      action: 'update',
      before: { text: { vi: 'Đã xử lý: đã xử lý xong.' } },
      after: { text: { vi: 'Đơn vị đã xử lý xong phản ánh của bạn.' } },
    });
  });
});

describe('working calendar', () => {
  it('lets operators read it and only admins change it, with before and after in the audit log', async () => {
    expect((await call('operator', 'GET', '/api/admin/calendar')).json().workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    const tet = {
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2027-02-08', '2027-02-05', '2027-02-05'],
      dayStartMinutes: 480,
    };
    expect((await call('operator', 'PUT', '/api/admin/calendar', tet)).statusCode).toBe(403);
    const res = await call('admin', 'PUT', '/api/admin/calendar', tet);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2027-02-05', '2027-02-08'] });
    const [entry] = await auditOf(call, 'calendar');
    expect(entry).toMatchObject({
      actor: 'admin',
      before: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] },
      after: { workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2027-02-05', '2027-02-08'], dayStartMinutes: 480 },
    });
    const bad = await call('admin', 'PUT', '/api/admin/calendar', { ...tet, holidays: ['Tết'] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('holidays.0');
  });
});

describe('the audit log', () => {
  it('lists changes newest first, by entity, a page at a time', async () => {
    const all = (await call('admin', 'GET', '/api/admin/audit?limit=3')).json().items;
    expect(all).toHaveLength(3);
    expect(all[0].id).toBeGreaterThan(all[1].id);
    const next = (await call('admin', 'GET', `/api/admin/audit?limit=3&before=${all[2].id}`)).json().items;
    expect(next[0].id).toBeLessThan(all[2].id);
    expect((await call('operator', 'GET', '/api/admin/audit')).statusCode).toBe(403);
    expect((await call('admin', 'GET', '/api/admin/audit?limit=0')).json().errors[0].path).toBe('limit');
  });
});

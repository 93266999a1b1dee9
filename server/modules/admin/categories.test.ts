import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, buildTestAppAs, type Api } from '../../test/api';
import { reportBody, type TestApp } from '../../test/app';

let t: TestApp;
let call: Api;
beforeAll(async () => ({ t, call } = await buildTestAppAs('admin', 'operator')));
afterAll(() => t.close());

const drains = {
  code: 'blocked_drains',
  name: { vi: 'Cống thoát nước bị tắc', en: 'Blocked drains' },
  group: 'ha-tang',
  groupName: { vi: 'Hạ tầng đô thị', en: 'Urban infrastructure' },
  icon: 'road',
  defaultPriority: 'normal',
  deadline: { value: 3, unit: 'working_days' },
  deadlinesByPriority: { urgent: { value: 4, unit: 'hours' }, high: { value: 1, unit: 'working_days' } },
  questions: [
    {
      code: 'flooding',
      label: { vi: 'Nước có đang ngập không?', en: 'Is it flooding?' },
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      values: [
        { key: 'yes', name: { vi: 'Có', en: 'Yes' } },
        { key: 'no', name: { vi: 'Không', en: 'No' } },
      ],
    },
  ],
  autoDispatch: true,
  publicLocation: 'hidden',
  resolveNeedsPhoto: false,
  sortOrder: 7,
};

describe('categories', () => {
  it('creates a category with every field, defaults filled in, and shows it to residents', async () => {
    const res = await call('admin', 'POST', '/api/admin/categories', drains);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      ...drains,
      duplicateRadiusM: 150,
      duplicateDays: 30,
      reopenWindowDays: 7,
      resolveNeedsReply: true,
      active: true,
    });
    const list = (await call('admin', 'GET', '/api/admin/categories')).json().items;
    expect(list.find((c: { code: string }) => c.code === 'blocked_drains').deadlinesByPriority).toEqual(
      drains.deadlinesByPriority,
    );
    const publicList = (await call(null, 'GET', '/api/categories')).json();
    expect(publicList.map((c: { code: string }) => c.code)).toContain('blocked_drains');
  });

  it('refuses a taken code with 409', async () => {
    const res = await call('admin', 'POST', '/api/admin/categories', { ...drains, code: 'potholes' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('"potholes" already exists');
  });

  it('names each bad question: a repeated code and a list without values', async () => {
    const question = drains.questions[0]!;
    const res = await call('admin', 'POST', '/api/admin/categories', {
      ...drains,
      code: 'sinkholes',
      questions: [
        question,
        { ...question, values: undefined },
        { ...question, code: 'depth', datatype: 'multivaluelist', values: [] },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'questions.1.code', message: '"flooding" is used by another question' },
      { path: 'questions.1.values', message: 'a list question needs at least one value' },
      { path: 'questions.2.values', message: 'a list question needs at least one value' },
    ]);
  });

  it('names schema errors deep in the body', async () => {
    const res = await call('admin', 'POST', '/api/admin/categories', {
      ...drains,
      code: 'x2',
      deadline: { value: -1, unit: 'weeks' },
      deadlinesByPriority: { urgent: { value: 0, unit: 'hours' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['deadline.value', 'deadline.unit', 'deadlinesByPriority.urgent.value']),
    );
  });

  it('changes any field but the code, with before and after in the audit log', async () => {
    const res = await call('admin', 'PATCH', '/api/admin/categories/potholes', {
      code: 'roads',
      name: { vi: 'Ổ gà, sụt lún', en: 'Potholes' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
      publicLocation: 'hidden',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'potholes',
      name: { vi: 'Ổ gà, sụt lún', en: 'Potholes' },
      deadline: { value: 48, unit: 'hours' },
      deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
      publicLocation: 'hidden',
    });
    const [entry] = await auditOf(call, 'category');
    expect(entry).toMatchObject({
      entityId: 'potholes',
      action: 'update',
      before: { name: { vi: 'Ổ gà' }, deadlinesByPriority: {}, publicLocation: 'approximate' },
      after: { name: { vi: 'Ổ gà, sụt lún' }, deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } } },
    });
    expect((await call('admin', 'PATCH', '/api/admin/categories/volcano', { icon: 'x' })).statusCode).toBe(404);
  });

  it('takes a deactivated category off the public list while its old reports keep working', async () => {
    const old = (await call(null, 'POST', '/api/reports', reportBody({ categoryCode: 'potholes' }))).json();
    const res = await call('admin', 'PATCH', '/api/admin/categories/potholes', { active: false });
    expect(res.json().active).toBe(false);

    const publicList = (await call(null, 'GET', '/api/categories')).json();
    expect(publicList.map((c: { code: string }) => c.code)).not.toContain('potholes');
    const filing = await call(null, 'POST', '/api/reports', reportBody({ categoryCode: 'potholes' }));
    expect(filing.statusCode).toBe(422);
    // Admins still see it, to turn it back on.
    const adminList = (await call('admin', 'GET', '/api/admin/categories')).json().items;
    expect(adminList.find((c: { code: string }) => c.code === 'potholes').active).toBe(false);

    const detail = await call('operator', 'GET', `/api/reports/${old.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().category.code).toBe('potholes');
    expect((await call(null, 'GET', `/api/track/${old.trackingCode}`)).statusCode).toBe(200);
    const dispatched = await call('operator', 'POST', `/api/reports/${old.id}/transitions`, {
      action: 'dispatch',
      version: detail.json().version,
      unitId: t.ids.units.roads,
    });
    expect(dispatched.statusCode).toBe(200);
    expect(dispatched.json().status).toBe('assigned');
  });
});

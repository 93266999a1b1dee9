import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';

const vn = (s: string) => Date.parse(`${s}+07:00`);
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // Monday 2027-02-08 is a Tết holiday in this calendar.
  t.services.calendar.update({ workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2027-02-08'], dayStartMinutes: 450 });
});
afterAll(() => t.close());

const typesOf = (code: string) => t.services.residents.track(code).timeline.map((e) => e.type);

describe('the overdue scheduler', () => {
  it('counts the deadline over a weekend and a holiday, then marks the report overdue exactly once', async () => {
    // Filed Friday 10:00 with 2 working days: Monday is Tết, so due Wednesday 10:00 (not Tuesday).
    t.clock.set(vn('2027-02-05T10:00:00'));
    const { result } = await t.services.reports.create(reportBody({ description: 'Đèn tắt trước Tết' }));
    expect(result.dueAt).toBe(new Date(vn('2027-02-10T10:00:00')).toISOString());

    for (const at of ['2027-02-06T12:00:00', '2027-02-08T12:00:00', '2027-02-10T09:59:00']) {
      t.clock.set(vn(at));
      t.services.overdue.tick();
      expect(typesOf(result.trackingCode), at).toEqual(['created']);
    }
    t.clock.set(vn('2027-02-10T10:00:30'));
    expect(t.services.overdue.tick()).toBeGreaterThanOrEqual(1);
    t.clock.set(vn('2027-02-11T08:00:00'));
    t.services.overdue.tick();
    t.services.overdue.tick();
    expect(typesOf(result.trackingCode)).toEqual(['created', 'overdue']);
    const operator = {
      id: t.ids.users.operator,
      username: 'operator',
      displayName: 'op',
      role: 'operator' as const,
      unitId: t.ids.units.ioc,
      unitName: null,
    };
    // Escalated: the IOC inbox sorts it up.
    expect(t.services.reports.get(operator, result.id).priority).toBe('high');
  });

  it('leaves resolved reports alone', async () => {
    t.clock.set(vn('2027-03-01T09:00:00'));
    const { result } = await t.services.reports.create(
      reportBody({ categoryCode: 'potholes', lat: 13.07, lng: 109.32 }),
    );
    const op = {
      id: t.ids.users.operator,
      username: 'o',
      displayName: 'o',
      role: 'operator' as const,
      unitId: t.ids.units.ioc,
      unitName: null,
    };
    t.services.reports.transition(op, result.id, { action: 'reject', version: 0, reason: 'Trùng' });
    t.clock.set(vn('2027-03-10T09:00:00'));
    t.services.overdue.tick();
    expect(typesOf(result.trackingCode)).toEqual(['created', 'reject']);
  });
});

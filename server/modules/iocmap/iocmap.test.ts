import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffMapFeature } from '../../../shared/schemas/ioc';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await buildTestApp();
  operator = await t.login('operator');
});
afterAll(() => t.close());

const map = async (bbox: string, zoom: number) =>
  (
    await t.app.inject({ url: `/api/ioc/map?bbox=${bbox}&zoom=${zoom}`, headers: { cookie: operator } })
  ).json() as StaffMapFeature[];

describe('the IOC wall map', () => {
  it('clusters open reports at city zoom with their overdue count, and colours single reports by deadline', async () => {
    // Two potholes (48 h) filed three days ago are overdue; one street light (2 working days) is not.
    t.clock.advance(-3 * 86_400_000);
    for (const d of [0, 0.0001])
      await t.services.reports.create(reportBody({ categoryCode: 'potholes', lat: 13.07 + d, lng: 109.32 }));
    t.clock.advance(3 * 86_400_000);
    const fresh = (await t.services.reports.create(reportBody({ lat: 13.0702, lng: 109.3202 }))).result;

    const city = await map('109.2,13.0,109.4,13.2', 11);
    expect(city).toHaveLength(1);
    expect(city[0]).toMatchObject({ type: 'cluster', count: 3, overdue: 2, dueSoon: 0 });

    const street = await map('109.319,13.069,109.321,13.071', 20); // past the last clustered zoom
    const mine = street.find((f) => f.type === 'report' && f.trackingCode === fresh.trackingCode);
    expect(mine).toMatchObject({ deadline: 'on_time', status: 'received' });
    expect(street.filter((f) => f.type === 'report' && f.deadline === 'overdue')).toHaveLength(2);
  });

  it('shows a new report within a second of filing', async () => {
    await map('109.2,13.0,109.4,13.2', 20);
    const { result } = await t.services.reports.create(reportBody({ lat: 13.08, lng: 109.28 }));
    t.clock.advance(1000);
    const after = await map('109.279,13.079,109.281,13.081', 20);
    expect(after.some((f) => f.type === 'report' && f.trackingCode === result.trackingCode)).toBe(true);
  });

  it('counts today, open and overdue for the headline', async () => {
    const s = (await t.app.inject({ url: '/api/ioc/summary', headers: { cookie: operator } })).json();
    expect(s).toMatchObject({ open: 4, overdue: 2 });
    expect(s.today).toBeGreaterThanOrEqual(2);
  });

  it('is for the IOC, not for residents or unit staff', async () => {
    expect((await t.app.inject({ url: '/api/ioc/map?bbox=0,0,1,1&zoom=3' })).statusCode).toBe(401);
    const staff = await t.login('staff.lighting');
    expect((await t.app.inject({ url: '/api/ioc/summary', headers: { cookie: staff } })).statusCode).toBe(403);
  });
});

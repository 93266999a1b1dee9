import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, reports } from '../../db/schema';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';

let t: TestApp;
let operator: string;
let lighting: string;
beforeAll(async () => {
  t = await buildTestApp();
  operator = await t.login('operator');
  lighting = await t.login('staff.lighting');
  t.db
    .update(categories)
    .set({
      questions: JSON.stringify([
        {
          code: 'fault',
          label: { vi: 'Đèn hỏng như thế nào?', en: 'Fault' },
          datatype: 'singlevaluelist',
          required: true,
          order: 1,
          values: [{ key: 'off', name: { vi: 'Không sáng', en: 'Off' } }],
        },
      ]),
    })
    .where(eq(categories.code, 'street_lighting'))
    .run();
  t.services.catalog.invalidate();
});
afterAll(() => t.close());

const light = (extra: Record<string, unknown> = {}) => reportBody({ attributes: { fault: 'off' }, ...extra });
const file = async (body: Record<string, unknown> = light()) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
};
const staffAct = (cookie: string, id: number, body: object) =>
  t.app.inject({ method: 'POST', url: `/api/reports/${id}/transitions`, payload: body, headers: { cookie } });
const resident = (code: string, what: string, payload: object, token?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/track/${code}/${what}`,
    payload,
    headers: token ? { 'x-resident-token': token } : {},
  });

async function resolved() {
  const r = await file();
  const d = (await staffAct(operator, r.id, { action: 'dispatch', version: 0, unitId: t.ids.units.lighting })).json();
  const s = (
    await staffAct(lighting, r.id, { action: 'resolve', version: d.version, note: 'Đã thay bóng đèn' })
  ).json();
  expect(s.status).toBe('resolved');
  return r;
}

describe('filing without the map', () => {
  it('routes a report typed by address to the picked ward, with no point until the IOC places it', async () => {
    const r = await file(light({ lat: undefined, lng: undefined, areaCode: 'ward-east', address: '12 Trần Hưng Đạo' }));
    expect(r).toMatchObject({ area: { code: 'ward-east' }, unit: { id: t.ids.units.lighting } });
    const view = (await t.app.inject({ url: `/api/track/${r.trackingCode}` })).json();
    expect([view.lat, view.lng]).toEqual([null, null]);

    const placed = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/location`,
      payload: { lat: 13.0712, lng: 109.3201, version: 0 },
      headers: { cookie: operator },
    });
    expect(placed.statusCode).toBe(200);
    expect(placed.json()).toMatchObject({ lat: 13.0712, lng: 109.3201, area: { code: 'ward-east' } });
    const after = (await t.app.inject({ url: `/api/track/${r.trackingCode}` })).json();
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'located']);
  });

  it.each([
    ['no ward', { areaCode: undefined, address: '12 Trần Hưng Đạo' }, 'areaCode'],
    ['no address', { areaCode: 'ward-east', address: undefined }, 'address'],
    ['an unknown ward', { areaCode: 'ward-moon', address: '12 Trần Hưng Đạo' }, 'areaCode'],
    ['one coordinate only', { lng: undefined }, 'lng'],
  ])('refuses a report with %s, naming the field', async (_, extra, path) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      payload: light({ lat: undefined, lng: undefined, ...extra, ...(path === 'lng' ? { lat: 13.07 } : {}) }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a report that leaves a required question of its category unanswered', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/reports', payload: reportBody() });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toContainEqual({ path: 'attributes.fault', message: 'is required' });
  });

  it('lets only the IOC place a report on the map', async () => {
    const r = await file();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${r.id}/location`,
      payload: { lat: 13.07, lng: 109.3, version: 0 },
      headers: { cookie: await t.login('leader') },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('possible duplicates, and following one instead', () => {
  it('offers open reports of the same category within the radius, nearest first', async () => {
    const near = await file(light({ lat: 13.08, lng: 109.28 }));
    const nearer = await file(light({ lat: 13.0801, lng: 109.2801 }));
    await file(light({ lat: 13.09, lng: 109.28 })); // 1.1 km away
    await file(reportBody({ categoryCode: 'potholes', lat: 13.08, lng: 109.28 })); // another category
    const closed = await file(light({ lat: 13.08, lng: 109.2802 }));
    await staffAct(operator, closed.id, { action: 'reject', version: 0, reason: 'Spam' });
    const res = await t.app.inject({ url: '/api/reports/nearby?categoryCode=street_lighting&lat=13.08&lng=109.28' });
    expect(res.json().map((r: { trackingCode: string }) => r.trackingCode)).toEqual([
      near.trackingCode,
      nearer.trackingCode,
    ]);
    expect(res.json()[1].distanceM).toBe(16); // 11.1 m north and 10.8 m east
    expect(res.body).not.toMatch(/"(contact|name|phone|email)"/);
  });

  it('counts a follower as another reporter, once per Idempotency-Key, and gives them a token', async () => {
    const r = await file(light({ lat: 13.06, lng: 109.26 }));
    const follow = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/track/${r.trackingCode}/follow`,
        headers: { 'idempotency-key': 'follow-1' },
      });
    const first = (await follow()).json();
    const again = (await follow()).json();
    expect(first.report.reporterCount).toBe(2);
    expect(again.residentToken).toBe(first.residentToken);
    expect((await t.app.inject({ url: `/api/track/${r.trackingCode}` })).json().reporterCount).toBe(2);
    // The follower's token lets them add information too.
    expect(
      (await resident(r.trackingCode, 'comments', { text: 'Tối nay vẫn tắt' }, first.residentToken)).statusCode,
    ).toBe(200);
  });

  it('does not let anyone follow a report that is no longer open', async () => {
    const r = await file();
    await staffAct(operator, r.id, { action: 'reject', version: 0, reason: 'Spam' });
    expect((await t.app.inject({ method: 'POST', url: `/api/track/${r.trackingCode}/follow` })).statusCode).toBe(409);
  });
});

describe("the resident's own report", () => {
  it('takes a comment only from the device that filed or followed it', async () => {
    const r = await file();
    expect((await resident(r.trackingCode, 'comments', { text: 'Thêm thông tin' })).json().code).toBe(
      'resident_token_required',
    );
    expect((await resident(r.trackingCode, 'comments', { text: 'Thêm thông tin' }, 'forged-token')).statusCode).toBe(
      403,
    );
    const ok = await resident(r.trackingCode, 'comments', { text: 'Đèn tắt từ 19 giờ' }, r.residentToken);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().timeline.at(-1)).toMatchObject({ type: 'comment', note: 'Đèn tắt từ 19 giờ' });
  });

  it('rates a resolved report once, which confirms and closes it', async () => {
    const r = await resolved();
    const rated = await resident(
      r.trackingCode,
      'rating',
      { score: 5, comment: 'Cảm ơn, xử lý rất nhanh' },
      r.residentToken,
    );
    expect(rated.json()).toMatchObject({ status: 'closed', rating: { score: 5, comment: 'Cảm ơn, xử lý rất nhanh' } });
    expect((await resident(r.trackingCode, 'rating', { score: 1 }, r.residentToken)).json().code).toBe('already_rated');
  });

  it.each([
    ['a score of 0', { score: 0 }],
    ['a score of 6', { score: 6 }],
    ['half a star', { score: 3.5 }],
  ])('refuses a rating with %s', async (_, payload) => {
    const r = await resolved();
    const res = await resident(r.trackingCode, 'rating', payload, r.residentToken);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('score');
  });

  it('cannot rate a report before it is resolved', async () => {
    const r = await file();
    expect((await resident(r.trackingCode, 'rating', { score: 4 }, r.residentToken)).statusCode).toBe(409);
  });

  it('reopens a resolved report within the window, not after it', async () => {
    const r = await resolved();
    const view = (await t.app.inject({ url: `/api/track/${r.trackingCode}` })).json();
    expect(Date.parse(view.reopenUntil) - t.clock.now()).toBe(7 * 86_400_000);
    const reopened = await resident(
      r.trackingCode,
      'actions',
      { action: 'reopen', reason: 'Đèn lại tắt' },
      r.residentToken,
    );
    expect(reopened.json()).toMatchObject({ status: 'reopened' });

    const late = await resolved();
    t.clock.advance(8 * 86_400_000);
    const res = await resident(
      late.trackingCode,
      'actions',
      { action: 'reopen', reason: 'Vẫn hỏng' },
      late.residentToken,
    );
    t.clock.advance(-8 * 86_400_000);
    expect(res.statusCode).toBe(409);
    expect(t.db.select().from(reports).where(eq(reports.id, late.id)).get()!.status).toBe('resolved');
  });
});

describe('the public map', () => {
  it('clusters open reports at city zoom and shows single reports up close, without personal data', async () => {
    const a = await file(light({ lat: 13.061, lng: 109.261, contact: { name: 'Người Bí Mật' } }));
    await file(light({ lat: 13.0611, lng: 109.2611 }));
    const city = (await t.app.inject({ url: '/api/map?bbox=109.2,13.0,109.4,13.2&zoom=10' })).json();
    expect(city.some((f: { type: string; count?: number }) => f.type === 'cluster' && f.count! >= 2)).toBe(true);
    const street = await t.app.inject({ url: '/api/map?bbox=109.26,13.06,109.262,13.062&zoom=19' });
    const single = street.json().find((f: { trackingCode?: string }) => f.trackingCode === a.trackingCode);
    expect(single).toMatchObject({ type: 'report', lat: 13.061, lng: 109.261, status: 'received' });
    expect(street.body).not.toContain('Người Bí Mật');
  });

  it('leaves out rejected reports and filters by category', async () => {
    const spam = await file(light({ lat: 13.055, lng: 109.255 }));
    await staffAct(operator, spam.id, { action: 'reject', version: 0, reason: 'Spam' });
    const features = (await t.app.inject({ url: '/api/map?bbox=109.25,13.05,109.26,13.06&zoom=19&status=all' })).json();
    expect(features.some((f: { trackingCode?: string }) => f.trackingCode === spam.trackingCode)).toBe(false);
    const potholes = (
      await t.app.inject({ url: '/api/map?bbox=109.2,13.0,109.4,13.2&zoom=19&category=potholes' })
    ).json();
    expect(potholes.every((f: { categoryCode?: string }) => f.categoryCode === 'potholes')).toBe(true);
  });

  it('explains a malformed bbox', async () => {
    const res = await t.app.inject({ url: '/api/map?bbox=1,2,3&zoom=10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('bbox');
  });
});

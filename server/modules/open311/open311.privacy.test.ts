import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../../../shared/domain/statuses';
import { buildTestAppAs, type Api } from '../../test/api';
import type { TestApp } from '../../test/app';
import { askQuestions, issueApiKey, postRequest } from '../../test/open311';

/**
 * No personal field ever leaves through Open311: reporters' names, emails, phones, device and account
 * ids are planted as unique markers, the reports are walked through every status, and every Open311
 * answer is searched for them after each step.
 */

const MARKERS = {
  first_name: 'Zqfirstmarker',
  last_name: 'Zqlastmarker',
  email: 'zqmailmarker@example.vn',
  phone: '+84 987 654 321',
  device_id: 'zqdevicemarker-77',
  account_id: 'zqaccountmarker-88',
};
/** What would betray a marker in any answer (the phone's digits too, however formatted). */
const NEEDLES = [...Object.values(MARKERS).map((m) => m.toLowerCase()), '987654321', '987 654 321'];

let t: TestApp;
let call: Api;
let apiKey: string;
const codes: string[] = [];

beforeAll(async () => {
  ({ t, call } = await buildTestAppAs('admin', 'operator', 'staff.lighting'));
  apiKey = (await issueApiKey(call, 'Cổng 1022')).key;
  await askQuestions(call);
});
afterAll(() => t.close());

/** Files a report through Open311 with every personal field set to a marker. */
async function fileWithMarkers(location: Record<string, string>): Promise<string> {
  const res = await postRequest(t, 'json', {
    api_key: apiKey,
    service_code: 'street_lighting',
    description: 'Đèn không sáng',
    'attribute[pole_number]': 'C-1',
    ...location,
    ...MARKERS,
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.body.toLowerCase()).not.toContain(MARKERS.email);
  const code = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
  codes.push(code);
  return code;
}

/** Every Open311 answer that can carry a request, in both formats, with and without extensions. */
async function everyAnswer(): Promise<string[]> {
  const urls = ['discovery', 'services', 'services/street_lighting'];
  for (const q of ['', '?extensions=true', `?service_request_id=${codes.join(',')}&extensions=true`, '?status=closed'])
    urls.push(`requests${q}`);
  for (const code of codes) urls.push(`requests/${code}`, `requests/${code}?extensions=true`);
  const bodies: string[] = [];
  for (const u of urls)
    for (const f of ['xml', 'json']) {
      const [path, query = ''] = u.split('?');
      const res = await t.app.inject({ method: 'GET', url: `/open311/v2/${path}.${f}${query ? `?${query}` : ''}` });
      expect(res.statusCode, `${u} ${res.body}`).toBe(200);
      bodies.push(res.body);
    }
  return bodies;
}

async function expectNoMarkers(step: string): Promise<void> {
  const bodies = await everyAnswer();
  for (const body of bodies) {
    const lower = body.toLowerCase();
    for (const needle of NEEDLES) expect(lower.includes(needle), `${step}: "${needle}" in ${body}`).toBe(false);
    // Nor who on the staff did it.
    for (const staff of ['staff.lighting', '"operator"', '>operator<']) expect(lower).not.toContain(staff);
  }
  // The requests were really there, with their contact stored.
  expect(bodies.some((b) => b.includes(codes[0]!))).toBe(true);
}

async function act(code: string, user: string, payload: Record<string, unknown>): Promise<void> {
  const row = t.services.reports.findByTrackingCode(code)!;
  const res = await call(user, 'POST', `/api/reports/${row.id}/transitions`, { ...payload, version: row.version });
  expect(res.statusCode, res.body).toBe(200);
  t.clock.advance(60_000);
}

describe('Open311 privacy', () => {
  it('never outputs a personal field, whatever the status of the request', async () => {
    const point = { lat: '13.0712', long: '109.2734' };
    const reports = {
      received: await fileWithMarkers(point),
      byAddress: await fileWithMarkers({ address_string: '5 Trần Phú', area_code: 'ward-west' }),
      assigned: await fileWithMarkers(point),
      inProgress: await fileWithMarkers(point),
      resolved: await fileWithMarkers(point),
      closed: await fileWithMarkers(point),
      reopened: await fileWithMarkers(point),
      rejected: await fileWithMarkers(point),
      duplicate: await fileWithMarkers(point),
    };
    const stored = t.services.reports.findByTrackingCode(reports.received)!;
    expect(stored).toMatchObject({
      reporterName: `${MARKERS.first_name} ${MARKERS.last_name}`,
      reporterEmail: MARKERS.email,
      reporterPhone: MARKERS.phone,
    });
    await expectNoMarkers('received');

    const dispatch = { action: 'dispatch', unitId: t.ids.units.lighting };
    for (const code of [
      reports.assigned,
      reports.inProgress,
      reports.resolved,
      reports.closed,
      reports.reopened,
      reports.byAddress,
    ])
      await act(code, 'operator', dispatch);
    await expectNoMarkers('assigned');
    await act(reports.inProgress, 'staff.lighting', { action: 'start' });
    for (const code of [reports.resolved, reports.closed, reports.reopened])
      await act(code, 'staff.lighting', { action: 'resolve', note: 'Đã sửa' });
    await expectNoMarkers('in progress and resolved');
    await act(reports.closed, 'operator', { action: 'close' });
    await act(reports.reopened, 'operator', { action: 'reopen', reason: 'Vẫn hỏng' });
    await act(reports.rejected, 'operator', { action: 'reject', reason: 'Trùng lặp nội dung' });
    await act(reports.duplicate, 'operator', { action: 'mark_duplicate', duplicateOf: reports.received });
    await expectNoMarkers('closed, reopened, rejected, duplicate');

    const statuses = new Set(Object.values(reports).map((c) => t.services.reports.findByTrackingCode(c)!.status));
    expect([...statuses].sort()).toEqual([...REPORT_STATUSES].sort());
    // The merge shows on both sides (extended attributes), by tracking code only.
    const original = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${reports.received}.json?extensions=true`,
    });
    expect(original.json()[0].extended_attributes).toMatchObject({
      duplicates: [reports.duplicate],
      reporter_count: 2,
    });
    const merged = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${reports.duplicate}.json?extensions=true`,
    });
    expect(merged.json()[0]).toMatchObject({
      status: 'closed',
      extended_attributes: { detailed_status: 'duplicate', duplicate_of: reports.received },
    });
  });
});

/**
 * Issue 8, item 11, "Anti-spam": a report with the honeypot filled, or from a blocked sender, gets a
 * normal receipt and tracking page but reaches no one until an operator releases it from the review
 * queue (filed under the same code) or discards it.
 */
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, signIn, type Api } from '../../test/api';
import { buildTestApp, reportBody, type TestApp } from '../../test/app';
import { multipart } from '../../test/multipart';

let t: TestApp;
let call: Api;
beforeEach(async () => {
  t = await buildTestApp();
  call = await signIn(t, 'operator', 'staff.lighting', 'leader');
});
afterEach(() => t.close());

const DEVICE_A = 'device-aaaaaaaaaaaaaaaa';
const DEVICE_B = 'device-bbbbbbbbbbbbbbbb';

/** Files a report as a resident on `device` (from `address`), with an optional Idempotency-Key. */
async function file(opts: { device?: string; address?: string; body?: object; key?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/reports',
    remoteAddress: opts.address ?? '203.0.113.7',
    headers: {
      ...(opts.device ? { 'x-device-id': opts.device } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
    },
    payload: opts.body ?? reportBody({ contact: { name: 'Trần Thị Bình', phone: '0905123456' } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { res, receipt: res.json() as { id: number; trackingCode: string; status: string; residentToken: string } };
}

/** Where a report can be seen by anyone but the review queue. */
async function visibility(code: string) {
  const staffList = (await call('operator', 'GET', '/api/reports?limit=200')).json().items as {
    trackingCode: string;
  }[];
  const unitList = (await call('staff.lighting', 'GET', '/api/reports?limit=200')).json().items as {
    trackingCode: string;
  }[];
  const map = (await t.app.inject({ url: '/api/map?bbox=109,12,110,14&zoom=18' })).body;
  const open311 = (await t.app.inject({ url: '/open311/v2/requests.json' })).body;
  return {
    operatorQueue: staffList.some((r) => r.trackingCode === code),
    unitQueue: unitList.some((r) => r.trackingCode === code),
    publicMap: map.includes(code),
    open311: open311.includes(code),
  };
}
const NOWHERE = { operatorQueue: false, unitQueue: false, publicMap: false, open311: false };

const review = async () =>
  (await call('operator', 'GET', '/api/review')).json() as {
    items: {
      id: number;
      trackingCode: string;
      reason: string;
      sameSender: number;
      contact: { phone: string | null };
    }[];
    total: number;
  };

describe('the honeypot', () => {
  it('holds a bot-filled report for review while its sender sees a normal receipt and tracking page', async () => {
    const normal = await file({ device: DEVICE_B });
    const bot = await file({
      device: DEVICE_A,
      body: reportBody({ website: 'http://cheap-pills.example', contact: { phone: '0905123456' } }),
    });

    // The same answer a person gets: same fields, "received", a code of the same form, a token.
    expect(Object.keys(bot.receipt).sort()).toEqual(Object.keys(normal.receipt).sort());
    expect(bot.receipt.status).toBe(normal.receipt.status);
    expect(bot.receipt.trackingCode).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);
    const page = await t.app.inject({ url: `/api/track/${bot.receipt.trackingCode}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ status: 'received', trackingCode: bot.receipt.trackingCode });

    // Reaches no one but the review queue.
    expect(await visibility(bot.receipt.trackingCode)).toEqual(NOWHERE);
    expect((await visibility(normal.receipt.trackingCode)).operatorQueue).toBe(true);
    const queue = await review();
    expect(queue.items.map((i) => [i.trackingCode, i.reason])).toEqual([[bot.receipt.trackingCode, 'honeypot']]);
    expect(queue.items[0]!.contact.phone).toBe('0905123456');
  });

  it('answers a retry with the same key with the same receipt, and holds it once', async () => {
    const body = reportBody({ website: 'x' });
    const first = await file({ key: 'retry-1', body });
    const again = await file({ key: 'retry-1', body });
    expect(again.receipt.trackingCode).toBe(first.receipt.trackingCode);
    expect(again.res.headers['idempotent-replayed']).toBe('true');
    expect((await review()).total).toBe(1);
  });
});

describe('block this sender', () => {
  it("holds a blocked device's next reports, keeps others flowing, and ends when lifted", async () => {
    const first = await file({ device: DEVICE_A });
    const blocked = await call('operator', 'POST', `/api/reports/${first.receipt.id}/block-sender`, {
      device: true,
      reason: 'Gửi tin rác liên tục',
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json().items).toMatchObject([
      { kind: 'device', trackingCode: first.receipt.trackingCode, reason: 'Gửi tin rác liên tục', expiresAt: null },
    ]);
    // The report it was blocked from stays where it was.
    expect((await visibility(first.receipt.trackingCode)).operatorQueue).toBe(true);

    const later = await file({ device: DEVICE_A });
    expect(later.receipt.status).toBe('received');
    expect((await t.app.inject({ url: `/api/track/${later.receipt.trackingCode}` })).json().status).toBe('received');
    expect(await visibility(later.receipt.trackingCode)).toEqual(NOWHERE);
    // Another phone on the same network is not affected by a device block.
    const neighbour = await file({ device: DEVICE_B });
    expect((await visibility(neighbour.receipt.trackingCode)).operatorQueue).toBe(true);

    const held = await review();
    expect(held.items.map((i) => [i.trackingCode, i.reason])).toEqual([[later.receipt.trackingCode, 'blocked_sender']]);

    // Lifted: the next report is filed as usual.
    const blockId = (blocked.json().items as { id: number }[])[0]!.id;
    expect((await call('operator', 'DELETE', `/api/blocked-senders/${blockId}`)).statusCode).toBe(204);
    expect((await call('operator', 'GET', '/api/blocked-senders')).json().items).toEqual([]);
    const afterLift = await file({ device: DEVICE_A });
    expect((await visibility(afterLift.receipt.trackingCode)).operatorQueue).toBe(true);
  });

  it('blocks an address for a day only (many phones share one address)', async () => {
    const first = await file({ device: DEVICE_A, address: '198.51.100.20' });
    await call('operator', 'POST', `/api/reports/${first.receipt.id}/block-sender`, { device: false, address: true });
    const sameAddress = await file({ device: DEVICE_B, address: '198.51.100.20' });
    const elsewhere = await file({ device: DEVICE_B, address: '198.51.100.21' });
    expect(await visibility(sameAddress.receipt.trackingCode)).toEqual(NOWHERE);
    expect((await visibility(elsewhere.receipt.trackingCode)).operatorQueue).toBe(true);

    t.clock.advance(24 * 3_600_000 + 1000);
    call = await signIn(t, 'operator', 'staff.lighting'); // the sessions ran out meanwhile
    const nextDay = await file({ device: DEVICE_B, address: '198.51.100.20' });
    expect((await visibility(nextDay.receipt.trackingCode)).operatorQueue).toBe(true);
  });

  it('counts the other held reports of the same sender, to show a burst', async () => {
    const first = await file({ device: DEVICE_A });
    await call('operator', 'POST', `/api/reports/${first.receipt.id}/block-sender`, {});
    for (let i = 0; i < 3; i++) await file({ device: DEVICE_A });
    await file({ device: DEVICE_B, body: reportBody({ website: 'y' }), address: '192.0.2.1' });
    const counts = (await review()).items.map((i) => i.sameSender).sort();
    expect(counts).toEqual([0, 2, 2, 2]);
  });

  it('is for IOC operators: leaders and unit staff may not block, review or release', async () => {
    const first = await file({ device: DEVICE_A });
    for (const user of ['leader', 'staff.lighting']) {
      expect((await call(user, 'POST', `/api/reports/${first.receipt.id}/block-sender`, {})).statusCode).toBe(403);
      expect((await call(user, 'GET', '/api/review')).statusCode).toBe(403);
    }
    expect((await call(null, 'GET', '/api/blocked-senders')).statusCode).toBe(401);
  });

  it('refuses a block with nothing to block, and an unknown report', async () => {
    const first = await file({ device: DEVICE_A });
    const none = await call('operator', 'POST', `/api/reports/${first.receipt.id}/block-sender`, {
      device: false,
      address: false,
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().errors[0].path).toBe('device');
    // Filed without a device id: there is no device to block.
    const anonymous = await file();
    const noDevice = await call('operator', 'POST', `/api/reports/${anonymous.receipt.id}/block-sender`, {});
    expect(noDevice.statusCode).toBe(409);
    expect((await call('operator', 'POST', '/api/reports/999999/block-sender', {})).statusCode).toBe(404);
  });
});

describe('the review queue', () => {
  it('releases a held report under its code: it is routed, its photos and its sender token keep working', async () => {
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7' } })
      .jpeg()
      .toBuffer();
    const form = multipart(
      {
        categoryCode: 'street_lighting',
        lat: '13.07',
        lng: '109.27',
        description: 'Đèn đường không sáng cả tuần nay',
        website: 'filled-by-a-bot',
      },
      [{ field: 'photos', name: 'den.jpg', type: 'image/jpeg', bytes: photo }],
    );
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { ...form.headers, 'idempotency-key': 'held-with-photo' },
      payload: form.payload,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const receipt = filed.json() as { trackingCode: string; residentToken: string; photos: { url: string }[] };
    expect(receipt.photos).toHaveLength(1);
    // The sender sees their photo on the tracking page, as with any report.
    expect((await t.app.inject({ url: receipt.photos[0]!.url })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/track/${receipt.trackingCode}` })).json().photos).toHaveLength(1);

    const heldId = (await review()).items[0]!.id;
    const released = await call('operator', 'POST', `/api/review/${heldId}/release`);
    expect(released.statusCode, released.body).toBe(201);
    expect(released.json().trackingCode).toBe(receipt.trackingCode);
    expect((await review()).items).toEqual([]);
    // Deciding twice is refused.
    expect((await call('operator', 'POST', `/api/review/${heldId}/release`)).statusCode).toBe(409);

    // Now a report like any other, routed to the lighting unit's desk by the operator.
    const seen = await visibility(receipt.trackingCode);
    expect(seen.operatorQueue).toBe(true);
    const detail = (await call('operator', 'GET', `/api/reports/${released.json().id}`)).json();
    expect(detail).toMatchObject({ trackingCode: receipt.trackingCode, status: 'received' });
    expect(detail.photos).toHaveLength(1);
    expect((await t.app.inject({ url: receipt.photos[0]!.url })).statusCode).toBe(200);

    // The sender's token from the held receipt still proves it is theirs.
    const comment = await t.app.inject({
      method: 'POST',
      url: `/api/track/${receipt.trackingCode}/comments`,
      headers: { 'x-resident-token': receipt.residentToken },
      payload: { text: 'Xin cảm ơn, mong sớm được sửa.' },
    });
    expect(comment.statusCode, comment.body).toBeLessThan(300);
    // And a retry of the original request names the filed report.
    const retry = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { ...form.headers, 'idempotency-key': 'held-with-photo' },
      payload: form.payload,
    });
    expect(retry.statusCode).toBe(201);
    expect(retry.json().trackingCode).toBe(receipt.trackingCode);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('discards a held report: it never reaches anyone, its photo is gone, its sender still sees "received"', async () => {
    const photo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#999' } })
      .jpeg()
      .toBuffer();
    const form = multipart(
      { categoryCode: 'street_lighting', lat: '13.07', lng: '109.27', description: 'Quảng cáo', website: 'spam' },
      [{ field: 'photos', name: 'qc.jpg', type: 'image/jpeg', bytes: photo }],
    );
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', ...form });
    const receipt = filed.json() as { trackingCode: string; photos: { url: string }[] };
    const heldId = (await review()).items[0]!.id;
    expect((await call('operator', 'POST', `/api/review/${heldId}/discard`)).statusCode).toBe(204);
    expect((await review()).total).toBe(0);
    expect(await visibility(receipt.trackingCode)).toEqual(NOWHERE);
    expect((await t.app.inject({ url: receipt.photos[0]!.url })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/track/${receipt.trackingCode}` })).json().status).toBe('received');
    // The decision is in the audit log, with who made it.
    const admin = await signIn(t, 'admin');
    expect(await auditOf(admin, 'held_report')).toMatchObject([
      { actor: 'operator', entityId: String(heldId), action: 'discard' },
    ]);
  });
});

describe('the per-device limit', () => {
  it('refuses a device past its hourly reports from any address, with Retry-After, and not its neighbours', async () => {
    await t.close();
    t = await buildTestApp({ rateLimits: { reportsPerDevicePerHour: 3 } });
    const send = (device: string, address: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/reports',
        remoteAddress: address,
        headers: { 'x-device-id': device },
        payload: reportBody(),
      });
    const statuses = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])
      statuses.push((await send(DEVICE_A, address)).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await send(DEVICE_A, '198.51.100.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect((await send(DEVICE_B, '203.0.113.1')).statusCode).toBe(201);
    t.clock.advance(3_600_000);
    expect((await send(DEVICE_A, '203.0.113.1')).statusCode).toBe(201);
  });
});

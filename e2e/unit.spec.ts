import { expect, request as http, test, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { axeViolations, connected, DEMO_PASSWORD, fitsTheScreen, PHONE, shot, signedIn } from './helpers';
import { afterPhotoJpeg } from './resolve';

// A unit closes the loop from a phone in the field: acknowledge, start, resolve with a public reply and a
// photo of the result; the resident's page shows both live; no other unit can even see the report.

// In the centre of Phường Tuy Hòa.
const POINT = { lat: 13.0957, lng: 109.3009 };
const REPLY = 'Đã thay bóng đèn LED mới và kiểm tra tủ điện, đèn đường đã sáng bình thường từ tối nay.';

interface Filed {
  id: number;
  trackingCode: string;
  unit: { id: number; name: string } | null;
}

/** Signs a demo account in on its own cookie jar (API only). */
async function session(username: string): Promise<APIRequestContext> {
  const ctx = await http.newContext({ baseURL: BASE_URL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

test('a unit resolves a report from a phone with a reply and an after-photo; the resident sees both live; other units get 404', async ({
  browser,
  request,
}) => {
  // A resident files a street-light report; the IOC dispatches it to the public lighting company.
  const filedRes = await request.post('/api/reports', {
    headers: { 'Idempotency-Key': `unit-e2e-${Date.now()}` },
    data: {
      categoryCode: 'street_lighting',
      ...POINT,
      description: 'Đèn đường trước số 58 Độc Lập không sáng ba đêm nay, đoạn đường rất tối.',
      attributes: { fault: 'off', pole_number: 'TH-0512' },
      contact: { name: 'Phạm Thị Thu', phone: '0905 222 333' },
    },
  });
  expect(filedRes.status(), await filedRes.text()).toBe(201);
  const filed = (await filedRes.json()) as Filed;
  const operator = await session('operator');
  const current = (await (await operator.get(`/api/reports/${filed.id}`)).json()) as {
    version: number;
    status: string;
    unit: { id: number } | null;
  };
  if (current.status !== 'assigned') {
    const units = (await (await operator.get('/api/units')).json()) as { id: number; code: string }[];
    const lighting = units.find((u) => u.code === 'public-lighting')!;
    const res = await operator.post(`/api/reports/${filed.id}/transitions`, {
      data: { action: 'dispatch', version: current.version, unitId: lighting.id },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  // The resident follows the report on a phone.
  const residentContext = await browser.newContext(PHONE);
  const resident = await residentContext.newPage();
  await resident.goto(`/track/${filed.trackingCode}`);
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'assigned');
  await connected(resident);

  // The lighting company's staff member opens the unit queue on a phone.
  const unit = await signedIn(browser, 'staff.lighting', '/unit', PHONE);
  await connected(unit);
  const row = unit.locator(`[data-testid="queue-row"][data-tracking-code="${filed.trackingCode}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('awaits-ack')).toHaveText('Chưa tiếp nhận');
  await expect(row.getByTestId('due-countdown')).toContainText(/Còn|Quá hạn/);
  expect(await fitsTheScreen(unit)).toBe(true);

  // The queue is on the map too.
  await unit.getByTestId('unit-view-map').click();
  await expect(unit.locator(`.report-marker[data-tracking-code="${filed.trackingCode}"]`)).toBeAttached();
  await unit.getByTestId('unit-view-list').click();

  // Opened from the keyboard; the detail shows the report but never who reported it.
  await row.focus();
  await unit.keyboard.press('Enter');
  const panel = unit.getByTestId('report-panel');
  await expect(panel.getByTestId('panel-tracking-code')).toHaveText(filed.trackingCode);
  await expect(panel).toContainText('Đèn đường trước số 58 Độc Lập');
  await expect(panel.getByTestId('report-attributes')).toContainText('TH-0512');
  await expect(panel.getByTestId('reporter-contact')).toHaveCount(0);
  await expect(panel).not.toContainText('Phạm Thị Thu');
  await expect(panel).not.toContainText('0905 222 333');

  // Acknowledge, then start: the resident's page follows.
  await panel.getByRole('button', { name: 'Xác nhận đã tiếp nhận', exact: true }).click();
  await expect(panel.getByTestId('acknowledged-at')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Xác nhận đã tiếp nhận', exact: true })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Bắt đầu xử lý', exact: true }).click();
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'in_progress');

  // Resolve: the category asks for a reply and a photo; nothing leaves without them.
  await panel.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
  const form = panel.getByTestId('action-form-resolve');
  await expect(form.getByTestId('reply-requirement')).toHaveText('(bắt buộc)');
  await expect(form.getByTestId('after-photo-requirement')).toHaveText('(bắt buộc)');
  await form.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(form.getByTestId('error-note')).toHaveText('Vui lòng viết trả lời cho người dân.');
  await expect(form.getByTestId('error-photos')).toHaveText('Loại sự cố này cần ảnh hiện trường sau khi xử lý.');
  const violations = await axeViolations(unit);
  expect(violations, 'axe violations on the resolve form').toBe('');

  // A template of the category starts the reply when there is one; the reply is then written as it should read.
  const reply = form.getByLabel('Trả lời công khai cho người dân');
  if ((await form.getByTestId('template-select').count()) > 0) {
    const select = form.getByTestId('template-select');
    const first = await select.locator('option').nth(1).getAttribute('value');
    await select.selectOption(first!);
    await form.getByRole('button', { name: 'Chèn mẫu', exact: true }).click();
    await expect(reply).not.toHaveValue('');
  }
  await reply.fill(REPLY);
  const camera = form.getByTestId('after-photo-camera');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await camera.setInputFiles({
    name: 'IMG_20251127_183012.jpg',
    mimeType: 'image/jpeg',
    buffer: await afterPhotoJpeg(),
  });
  await expect(form.getByText('Đã chọn 1/3 ảnh.')).toBeVisible();
  await expect(form.getByTestId('after-photo-thumb')).toHaveCount(1);
  await expect(form.getByTestId('error-photos')).toHaveCount(0);
  expect(await fitsTheScreen(unit)).toBe(true);
  // The whole form in view, just under the header: reply, photo and the confirm button.
  await form.evaluate((el) => {
    const g = globalThis as unknown as { scrollBy: (x: number, y: number) => void };
    g.scrollBy(
      0,
      (el as unknown as { getBoundingClientRect: () => { top: number } }).getBoundingClientRect().top - 130,
    );
  });
  await shot(unit, '18-unit-phone-resolve');

  const sent = unit.waitForRequest((r) => r.url().endsWith(`/api/reports/${filed.id}/transitions`));
  await form.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  expect((await sent).headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  await expect(panel.getByTestId('action-message')).toHaveText('Đã thực hiện: Hoàn thành xử lý');

  // The resident's page, never reloaded, shows the reply and the after-photo.
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'resolved');
  const timeline = resident.getByTestId('timeline');
  await expect(timeline).toContainText(REPLY);
  const photo = timeline.locator('[data-testid="timeline-photos"] img').first();
  await expect(photo).toBeVisible();
  await expect
    .poll(() => photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  await photo.scrollIntoViewIfNeeded();
  await shot(resident, '19-track-after-photo');

  // Another unit's staff cannot see it: 404 (it does not exist for them), not 403; nor is it in their queue.
  const trees = await session('staff.trees');
  const other = await trees.get(`/api/reports/${filed.id}`);
  expect(other.status()).toBe(404);
  const otherAct = await trees.post(`/api/reports/${filed.id}/transitions`, {
    data: { action: 'start', version: 1 },
  });
  expect(otherAct.status()).toBe(404);
  const treesPage = await signedIn(browser, 'staff.trees', '/unit', PHONE);
  await connected(treesPage);
  await treesPage.getByTestId('unit-tab-all').click();
  await expect(treesPage.locator('[data-testid="unit-desk"]')).toBeVisible();
  await expect(treesPage.locator(`[data-testid="queue-row"][data-tracking-code="${filed.trackingCode}"]`)).toHaveCount(
    0,
  );

  await operator.dispose();
  await trees.dispose();
});

test("a unit's leader sees the unit's figures and overdue list, and cannot act", async ({ browser }) => {
  // A leader with a unit lands on the unit's page after signing in.
  const context = await browser.newContext(PHONE);
  const leader = await context.newPage();
  await leader.goto('/login');
  await leader.getByLabel('Tên đăng nhập').fill('leader.lighting');
  await leader.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await leader.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(leader).toHaveURL(/\/unit$/);
  await expect(leader.getByTestId('unit-leader')).toBeVisible();
  await expect(leader.getByTestId('kpi-received-value')).toHaveText(/^\d+$/);
  await expect(leader.getByTestId('kpi-on-time-value')).toContainText(/%|—/);
  await expect(leader.getByTestId('kpi-overdue-value')).toHaveText(/^\d+$/);
  const overdue = Number(await leader.getByTestId('kpi-overdue-value').textContent());
  const rows = leader.getByTestId('overdue-list').getByTestId('queue-row');
  if (overdue > 0) {
    await expect(rows.first()).toBeVisible();
    await expect(rows.first()).toHaveAttribute('data-overdue', 'true');
    await rows.first().click();
    const panel = leader.getByTestId('report-panel');
    await expect(panel.getByText('Bạn không có thao tác nào ở trạng thái này.')).toBeVisible();
    await expect(panel.locator('[data-action]')).toHaveCount(0);
    await panel.getByRole('button', { name: 'Đóng chi tiết' }).click();
  } else {
    await expect(leader.getByText('Không có phản ánh nào quá hạn.')).toBeVisible();
  }
  expect(await fitsTheScreen(leader)).toBe(true);
  await shot(leader, '20-unit-leader');

  // The session lands a unit leader on /unit; the API lists only the unit's reports for them.
  const api = await session('leader.lighting');
  const list = (await (await api.get('/api/reports?limit=500')).json()) as {
    items: { unit: { name: string } | null }[];
  };
  const units = new Set(list.items.map((r) => r.unit?.name));
  expect(units.size).toBeLessThanOrEqual(1);
  await api.dispose();
});

import { expect, test } from '@playwright/test';
import { afterPhotoJpeg } from './resolve';
import { connected, shot, signedIn } from './helpers';

// A point in the centre of Phường Tuy Hòa, where the phone says the resident stands.
const RESIDENT_POSITION = { latitude: 13.0955, longitude: 109.3012 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

test('a report goes from a resident to the IOC, to the lighting company, and back to the resident as resolved', async ({
  browser,
}) => {
  // The operator is watching the desk before the report exists.
  const ioc = await signedIn(browser, 'operator', '/ioc', { viewport: { width: 1600, height: 900 } });
  await connected(ioc);
  await expect(ioc.locator('.report-marker').first()).toBeAttached();

  // A resident files a street-light report from a phone, using the phone's location.
  const residentContext = await browser.newContext({
    ...PHONE,
    geolocation: RESIDENT_POSITION,
    permissions: ['geolocation'],
  });
  const resident = await residentContext.newPage();
  await resident.goto('/');
  await resident.locator('[data-category="street_lighting"]').click();
  await resident.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  await expect(resident.getByTestId('location-readout')).toContainText('13.09');
  await resident.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  // After the duplicate check the form shows either nearby reports of the same kind or the details.
  const nearby = resident.getByTestId('nearby-panel');
  const fault = resident.getByRole('radio', { name: 'Không sáng' });
  await expect(nearby.or(fault)).toBeVisible();
  if (await nearby.isVisible()) await resident.getByTestId('nearby-continue').click(); // a different light
  await fault.check();
  await resident
    .getByLabel('Mô tả sự cố')
    .fill('Đèn đường trước số nhà 125 Trần Hưng Đạo không sáng mấy đêm nay, đi lại rất nguy hiểm.');
  await resident.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
  await resident.getByLabel('Số điện thoại').fill('0905 123 456');
  await shot(resident, '1-resident-form');
  const filed = resident.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
  await resident.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
  expect((await filed).status()).toBe(201);
  const filedAt = Date.now();
  const code = (await resident.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);
  await shot(resident, '2-resident-code');

  // The operator sees its marker appear without reloading, within 2 s.
  const marker = ioc.locator(`.report-marker[data-tracking-code="${code}"]`);
  await expect(marker).toBeAttached({ timeout: 2000 });
  console.log(`marker appeared on the IOC map ${Date.now() - filedAt} ms after the 201`);
  await expect(marker).toHaveAttribute('data-status', 'received');

  // The resident follows the report live from here on.
  await resident.getByRole('link', { name: 'Theo dõi phản ánh' }).click();
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'received');
  await connected(resident);

  // The operator dispatches it to the proposed unit: the public lighting company.
  await ioc.locator(`[data-testid="queue-row"][data-tracking-code="${code}"]`).click();
  const panel = ioc.getByTestId('report-panel');
  await expect(panel).toContainText(code);
  await expect(panel.getByTestId('reporter-contact')).toContainText('Nguyễn Thị Hoa');
  await shot(ioc, '3-ioc-desk');
  await panel.getByRole('button', { name: 'Điều phối xử lý', exact: true }).click();
  await expect(panel.getByRole('combobox', { name: 'Đơn vị xử lý' })).toHaveValue(/\d+/);
  await panel.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(marker).toHaveAttribute('data-status', 'assigned');
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'assigned');

  // The lighting company's staff start and resolve it with a public reply.
  const unit = await signedIn(browser, 'staff.lighting', '/unit', PHONE);
  await connected(unit);
  await unit.locator(`[data-testid="queue-row"][data-tracking-code="${code}"]`).click();
  const unitPanel = unit.getByTestId('report-panel');
  await expect(unitPanel.getByTestId('reporter-contact')).toHaveCount(0);
  await expect(unitPanel).not.toContainText('Nguyễn Thị Hoa');
  await shot(unit, '4-unit-queue');
  await unitPanel.getByRole('button', { name: 'Bắt đầu xử lý', exact: true }).click();
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'in_progress');
  await unitPanel.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
  await unitPanel
    .getByLabel('Trả lời công khai cho người dân')
    .fill('Đã thay bóng đèn và kiểm tra tủ điện, đèn đã sáng bình thường.');
  // ...and a photo of the result, which the category asks for.
  await unitPanel.getByTestId('after-photo-camera').setInputFiles({
    name: 'sau-khi-sua.jpg',
    mimeType: 'image/jpeg',
    buffer: await afterPhotoJpeg(),
  });
  await expect(unitPanel.getByTestId('after-photo-thumb')).toHaveCount(1);
  await shot(unit, '5-unit-resolve');
  await unitPanel.getByRole('button', { name: 'Xác nhận', exact: true }).click();

  // The resident's page, never reloaded, shows the resolution and the unit's reply.
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'resolved');
  await expect(resident.getByTestId('timeline')).toContainText('Đã thay bóng đèn');
  await expect(resident.getByTestId('track-unit')).toContainText('Chiếu sáng');
  await shot(resident, '6-track-resolved');

  // A leader sees the statistics, with today's reports counted.
  const leader = await signedIn(browser, 'leader', '/stats', { viewport: { width: 1440, height: 900 } });
  await expect(leader.getByTestId('on-time-rate')).toContainText('%');
  await leader.mouse.move(0, 0); // no chart tooltip in the picture
  await shot(leader, '7-stats');
});

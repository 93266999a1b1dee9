import { expect, test, type Page } from '@playwright/test';
import { PHONE, shot, signedIn, submitReportDetails } from './helpers';

// Issue 8, item 11: an operator blocks a spamming phone from the desk; its next report gets a normal
// receipt and tracking page but lands in the review queue, from which the operator releases it.

const POSITION = { latitude: 13.0955, longitude: 109.3012 };

/** Files a street-light report through the resident form; returns its tracking code. */
async function fileReport(page: Page, description: string): Promise<string> {
  await page.goto('/');
  await page.locator('[data-category="street_lighting"]').click();
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  await expect(page.getByTestId('location-readout')).toContainText('13.09');
  return submitReportDetails(page, 'Không sáng', description);
}

test('a blocked sender still gets a receipt, the report waits for review, and the operator releases it', async ({
  browser,
}) => {
  const phone = await browser.newContext({ ...PHONE, geolocation: POSITION, permissions: ['geolocation'] });
  const resident = await phone.newPage();
  // The honeypot is in the form, but neither seen nor reachable by keyboard.
  await resident.goto('/');
  const trap = resident.locator('input[name="website"]');
  await expect(trap).toHaveCount(1);
  await expect(trap).toHaveAttribute('tabindex', '-1');
  await expect(trap).not.toBeInViewport();

  const first = await fileReport(resident, 'Quảng cáo vay tiền nhanh, liên hệ ngay số điện thoại trên ảnh.');

  // The operator blocks this sender from the report's panel.
  const ioc = await signedIn(browser, 'operator', '/ioc', { viewport: { width: 1600, height: 900 } });
  await ioc.locator(`[data-testid="queue-row"][data-tracking-code="${first}"]`).click();
  const panel = ioc.getByTestId('report-panel');
  await expect(panel).toContainText(first);
  await panel.getByRole('button', { name: `Chặn người gửi phản ánh ${first}` }).click();
  const form = panel.getByTestId('block-sender-form');
  await expect(form.getByRole('checkbox', { name: /Chặn thiết bị/ })).toBeChecked();
  await form.getByLabel('Lý do (không bắt buộc)').fill('Quảng cáo, không phải sự cố đô thị');
  await shot(ioc, 'spam-1-block-sender');
  await form.getByRole('button', { name: 'Chặn', exact: true }).click();
  await expect(panel.getByTestId('block-sender')).toContainText('Đã chặn');

  // The same phone files again: a normal receipt and tracking page ...
  const second = await fileReport(resident, 'Quảng cáo vay tiền nhanh lần nữa, không phải sự cố đô thị nào cả.');
  await resident.getByRole('link', { name: 'Theo dõi phản ánh' }).click();
  await expect(resident.getByTestId('status-badge')).toHaveAttribute('data-status', 'received');
  await shot(resident, 'spam-2-sender-sees-received');
  // ... but it never reaches the desk's queue.
  await ioc.reload();
  await expect(ioc.locator(`[data-testid="queue-row"][data-tracking-code="${first}"]`)).toBeVisible();
  await expect(ioc.locator(`[data-testid="queue-row"][data-tracking-code="${second}"]`)).toHaveCount(0);

  // It waits in the review queue, with the reason; the block is listed.
  await ioc.getByRole('link', { name: 'Chờ xem xét' }).click();
  const held = ioc.locator(`[data-testid="held-report"][data-code="${second}"]`);
  await expect(held).toContainText('Người gửi bị chặn');
  await expect(ioc.getByTestId('blocked-sender')).toContainText('Quảng cáo, không phải sự cố đô thị');
  await shot(ioc, 'spam-3-review-queue');

  // Released: it is filed under the same code and shows up on the desk.
  await held.getByRole('button', { name: `Cho xử lý phản ánh ${second}` }).click();
  await expect(ioc.getByTestId('review-status')).toContainText(second);
  await expect(held).toHaveCount(0);
  await ioc.getByRole('link', { name: 'Điều hành IOC', exact: true }).click();
  await expect(ioc.locator(`[data-testid="queue-row"][data-tracking-code="${second}"]`)).toBeVisible();

  // Lifting the block lets the phone's next report through at once.
  await ioc.getByRole('link', { name: 'Chờ xem xét' }).click();
  await ioc
    .getByTestId('blocked-sender')
    .getByRole('button', { name: /^Bỏ chặn/ })
    .click();
  await expect(ioc.getByTestId('review-status')).toContainText('Đã bỏ chặn');
  await phone.close();
});

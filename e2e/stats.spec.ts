import { expect, test, type Page } from '@playwright/test';
import { axeViolations, fitsTheScreen, PHONE, shot, signedIn } from './helpers';

// A city leader reads the statistics: headline figures against the period before, a new period from the
// picker (in the address), the reports behind a figure, the printable monthly summary; axe finds nothing.

/** Waits until the figures on screen are those of the address (not loading, not the skeleton). */
async function figuresLoaded(page: Page): Promise<void> {
  await expect(page.getByTestId('stats-body')).toHaveAttribute('data-loading', 'false');
  await expect(page.getByTestId('heatmap').locator('.leaflet-interactive').first()).toBeAttached();
}

test('a leader reads the figures, changes the period, opens the reports behind a figure and prints a month', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'leader', '/stats', { viewport: { width: 1280, height: 800 } });
  await figuresLoaded(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thống kê phản ánh');
  await expect(page.getByTestId('stats-scope')).toHaveText('Toàn thành phố');
  await expect(page.getByRole('button', { name: '30 ngày' })).toHaveAttribute('aria-pressed', 'true');
  for (const id of ['received', 'resolved', 'resolve-time', 'backlog', 'satisfaction']) {
    await expect(page.getByTestId(`kpi-${id}-value`)).toBeVisible();
  }
  await expect(page.getByTestId('on-time-rate')).toContainText('%');
  expect(Number((await page.getByTestId('kpi-received-value').innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
  await expect(page.getByTestId('breakdown-unit').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('ranking')).toBeVisible();
  const exportHref = await page.getByTestId('export-csv').getAttribute('href');
  expect(exportHref).toMatch(/^\/api\/stats\/export\.csv\?from=/);
  const csv = await page.request.get(exportHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('csv');
  await page.mouse.move(0, 0);
  await shot(page, '21-stats');
  await page.screenshot({ path: 'test-results/stats-full.png', fullPage: true });
  expect(await axeViolations(page)).toBe('');

  // A new period from the picker: the address says so, and back returns to the one before.
  await page.getByRole('button', { name: '90 ngày' }).click();
  await expect(page).toHaveURL(/[?&]period=90d/);
  await figuresLoaded(page);
  await expect(page.getByTestId('stats-bucket')).toHaveValue('week');
  await page.goBack();
  await expect(page).not.toHaveURL(/period=/);
  await expect(page.getByRole('button', { name: '30 ngày' })).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await expect(page).toHaveURL(/[?&]period=90d/);
  await figuresLoaded(page);

  // The reports behind "received", from the keyboard.
  await page.getByTestId('kpi-received-open').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]drill=received/);
  const panel = page.getByTestId('drill-panel');
  await expect(panel.getByTestId('drill-row').first()).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Phản ánh tiếp nhận trong kỳ' })).toBeFocused();
  const first = panel.getByTestId('drill-row').first();
  const code = await first.getAttribute('data-tracking-code');
  await expect(first.getByRole('link', { name: code! })).toHaveAttribute('href', `/track/${code}`);
  await page.screenshot({ path: 'test-results/stats-drill.png' });
  expect(await axeViolations(page)).toBe('');
  // A reload keeps the list open.
  await page.reload();
  await expect(page.getByTestId('drill-panel').getByTestId('drill-row').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/drill=/);

  // The late ones of a unit, from its breakdown row.
  const late = page.getByTestId('breakdown-unit').locator('button[data-figure="late"]').first();
  if (await late.count()) {
    await late.click();
    await expect(page).toHaveURL(/[?&]drill=late&drillUnitId=\d+/);
    await expect(page.getByTestId('drill-panel').getByTestId('drill-row').first()).toBeVisible();
    await page.getByTestId('drill-close').click();
  }

  // The reports of one heat-map cell.
  await page.getByTestId('heatmap').locator('path.leaflet-interactive').first().click({ force: true });
  await expect(page).toHaveURL(/[?&]drill=received&drillBbox=[\d.,-]+/);
  await expect(page.getByTestId('drill-panel').getByTestId('drill-row').first()).toBeVisible();
  await page.getByTestId('drill-close').click();

  // The printable monthly summary.
  await page.getByTestId('monthly-link').click();
  await expect(page).toHaveURL(/\/stats\/monthly\?month=\d{4}-\d{2}$/);
  await expect(page.getByTestId('monthly-headline')).toBeVisible();
  await page.getByTestId('monthly-unit').selectOption({ label: 'Công ty Chiếu sáng công cộng' });
  await expect(page).toHaveURL(/unitId=\d+/);
  await expect(page.getByTestId('monthly-unit-name')).not.toHaveText('');
  await expect(page.getByTestId('monthly-headline')).toBeVisible();
  await expect(page.locator('.monthly-body')).toHaveAttribute('aria-busy', 'false');
  await page.mouse.move(0, 0);
  await shot(page, '22-stats-monthly');
  expect(await axeViolations(page)).toBe('');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('monthly-print')).toBeHidden();
  await page.screenshot({ path: 'test-results/stats-monthly-print.png', fullPage: true });
  await page.pdf({ path: 'test-results/stats-monthly.pdf', format: 'A4', printBackground: true });
  await page.context().close();
});

test('on a phone the statistics fit the screen; a unit leader sees their unit only', async ({ browser }) => {
  const page = await signedIn(browser, 'leader.lighting', '/stats', PHONE);
  await figuresLoaded(page);
  await expect(page.getByTestId('stats-scope')).toContainText('Chiếu sáng');
  await expect(page.getByTestId('filter-unit')).toHaveCount(0);
  await expect(page.getByTestId('ranking')).toHaveCount(0);
  expect(await fitsTheScreen(page)).toBe(true);
  await page.screenshot({ path: 'test-results/stats-phone.png', fullPage: true });
  for (const [i, id] of ['kpi-resolved', 'trend-chart', 'breakdown-switch'].entries()) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/stats-phone-${i + 1}.png` });
  }
  expect(await axeViolations(page)).toBe('');
  await page.getByTestId('kpi-backlog-open').click();
  await expect(page.getByTestId('drill-panel')).toBeVisible();
  await expect(page.getByTestId('drill-panel').getByTestId('drill-total')).toBeVisible();
  await page.screenshot({ path: 'test-results/stats-phone-drill.png' });
  await page.getByTestId('drill-close').click();
  await expect(page.getByTestId('drill-panel')).toHaveCount(0);
  await page.getByTestId('monthly-link').click();
  await expect(page.getByTestId('monthly-headline')).toBeVisible();
  await page.screenshot({ path: 'test-results/stats-phone-monthly.png', fullPage: true });
  expect(await fitsTheScreen(page)).toBe(true);

  // In English too.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Monthly report \d{2}\/\d{4}$/);
  await page.getByRole('link', { name: /Back to statistics/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report statistics');
  await figuresLoaded(page);
  await expect(page.getByTestId('kpi-received').getByRole('heading')).toHaveText('Received');
  await page.screenshot({ path: 'test-results/stats-phone-en.png' });
  expect(await axeViolations(page)).toBe('');
  await page.context().close();
});

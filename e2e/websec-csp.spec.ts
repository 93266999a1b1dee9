import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { connected, PHONE, signedIn, submitReportDetails } from './helpers';

// The built app under its Content-Security-Policy: every screen a resident or the wall opens loads and
// works with no violation reported by Chromium (a refused script, style, image, worker or connection).

/** Records CSP violations: the DOM event and Chromium's console line. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation|Refused to/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test.describe('under the Content-Security-Policy', () => {
  test('a resident files with a photo preview, then tracks it and opens the public map', async ({ browser }) => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const response = await page.goto('/');
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('[data-category="trees"]').click();
    const map = page.locator('.leaflet-container');
    await expect(map).toBeVisible();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByTestId('location-readout')).toContainText('13.0');
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#456' } })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('photo-input-gallery')
      .setInputFiles({ name: 'cay.jpg', mimeType: 'image/jpeg', buffer: photo });
    // The preview is drawn from a blob: URL.
    await expect(page.getByTestId('photo-thumb')).toHaveCount(1);
    const code = await submitReportDetails(page, 'Có, chắn lối đi', 'Cây xanh gãy cành trước trường học, cần dọn gấp.');
    // The tracking page subscribes over socket.io and shows the stored photo.
    await page.goto(`/track/${code}`);
    await expect(page.getByText(code).first()).toBeVisible();
    await page.goto('/map');
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await context.close();
  });

  test('the wall map with its live markers', async ({ browser }) => {
    const page = await signedIn(browser, 'operator', '/ioc/wall');
    const violations = await watchViolations(page);
    await page.reload();
    await connected(page);
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await page.context().close();
  });

  test('the desk, the unit queue and the statistics with their charts', async ({ browser }) => {
    for (const [user, target, ready] of [
      ['operator', '/ioc', '.leaflet-container'],
      ['staff.lighting', '/unit', 'main'],
      ['leader', '/stats', '.recharts-surface'],
    ] as const) {
      const page = await signedIn(browser, user, target);
      const violations = await watchViolations(page);
      await page.reload();
      await expect(page.locator(ready).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(violations, `${target}`).toEqual([]);
      await page.context().close();
    }
  });
});

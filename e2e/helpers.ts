import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import path from 'node:path';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-city-2025';

/** Saves a screenshot under docs/screenshots/ (kept in the repository, shown in the README). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('docs', 'screenshots', `${name}.png`) });
}

/** A fresh browser context, signed in as a demo account, on `target`. */
export async function signedIn(
  browser: Browser,
  username: string,
  target: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(target)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  return page;
}

/** Waits until a page's live connection says connected. */
export async function connected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

/** A phone: small viewport, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

/**
 * Presses Tab until `target` has the focus, as a keyboard user would (fails if it is not reachable
 * within `max` presses).
 */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** Counts reports whose description is exactly `text`, as the IOC sees them. */
export async function countReports(request: APIRequestContext, text: string): Promise<number> {
  await request.post('/api/auth/login', { data: { username: 'operator', password: DEMO_PASSWORD } });
  const list = (await (await request.get('/api/reports?limit=500')).json()) as { items: { description: string }[] };
  return list.items.filter((r) => r.description === text).length;
}

import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
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

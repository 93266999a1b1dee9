import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { createRequire } from 'node:module';
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

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per offending node: rule id, impact, CSS target, and axe's summary. */
function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `- ${v.id} [${v.impact ?? 'n/a'}] ${JSON.stringify(n.target)}: ${v.help}` +
          (n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''),
      ),
    )
    .join('\n');
}

/**
 * axe-core on the page (WCAG 2.2 AA): an empty string when there is no violation, else one line per
 * offending node ("- id [impact] target: help", then axe's summary).
 */
export async function axeViolations(page: Page): Promise<string> {
  await page.addScriptTag({ path: AXE_PATH });
  // The page's globals, typed here: the e2e folder compiles without a DOM of its own in the browser.
  const results = await page.evaluate((tags) => {
    const g = globalThis as unknown as {
      axe: { run: (context: unknown, options: object) => Promise<AxeResults> };
      document: unknown;
    };
    return g.axe.run(g.document, { runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  return describeViolations(results.violations);
}

/** True when the page is no wider than its screen (nothing to scroll sideways). */
export async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
}

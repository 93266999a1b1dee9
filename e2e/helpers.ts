import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Secret, TOTP } from 'otpauth';
import path from 'node:path';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'demo-city-2025';

/** The demo admin's TOTP secret (README): admins sign in with a code from it. */
export const DEMO_TOTP_SECRET = 'BEACONIOCDEMOADMINSECRETTOTPCODE';

/** The demo admin's authenticator code `offsetMs` from now. */
export function demoTotp(offsetMs = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), timestamp: Date.now() + offsetMs });
}

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
  const arrived = new RegExp(`${target}$`);
  if (username === 'admin') {
    // The admin has two-step verification: the form asks for the code. The server takes each 30 s
    // step's code once (and none older than the last it took), within a step either side of now: so
    // the previous, current and next step's codes, then, when many sign-ins used them all, the next
    // step's code again after each step boundary.
    const code = page.getByLabel('Mã xác thực (6 chữ số)');
    await expect(code).toBeFocused();
    const nextStep = () => page.waitForTimeout(30_000 - (Date.now() % 30_000) + 200).then(() => 30_000);
    for (const offset of [-30_000, 0, 30_000, nextStep, nextStep]) {
      await code.fill(demoTotp(typeof offset === 'number' ? offset : await offset()));
      await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      // Refused: the form empties the field and says why; accepted: the page moves on.
      // (Short timeouts: once the page moves on, the field is gone and a read would wait for it.)
      const state = async () =>
        arrived.test(page.url())
          ? 'in'
          : (await code.inputValue({ timeout: 200 }).catch(() => '-')) === ''
            ? 'refused'
            : '';
      await expect.poll(state, { timeout: 20_000 }).not.toBe('');
      const outcome = await state();
      if (outcome === 'in') break;
      await expect(page.getByTestId('login-error')).toHaveText(/Mã xác thực không đúng/);
    }
  }
  await expect(page).toHaveURL(arrived);
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
  // Evaluated over the DevTools protocol, not as a <script>: the Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
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

/**
 * The resident form from its location step on: continues past the nearby-duplicates panel if it shows,
 * picks `answer` (the category's question), describes, sends; returns the tracking code.
 */
export async function submitReportDetails(page: Page, answer: string, description: string): Promise<string> {
  await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  const nearby = page.getByTestId('nearby-panel');
  const choice = page.getByRole('radio', { name: answer });
  await expect(nearby.or(choice)).toBeVisible();
  if (await nearby.isVisible()) await page.getByTestId('nearby-continue').click();
  await choice.check();
  await page.getByLabel('Mô tả sự cố').fill(description);
  const filed = page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
  expect((await filed).status()).toBe(201);
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);
  return code;
}

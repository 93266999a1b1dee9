import { expect, test } from '@playwright/test';
import { largeHistory, login, startServer, type BenchServer } from '../scripts/bench/support';
import { DEMO_PASSWORD, shot } from './helpers';

// A city leader opens /stats on a million reports over three years (the history `npm run bench -- stats`
// uses, generated on first use: a couple of minutes, 1 GB in the temp folder). The server is the real one
// on its own port, with the statistics model loaded (as after a start); the page must show its figures.

const REPORTS = Number(process.env.E2E_LARGE_REPORTS ?? 1_000_000);
let server: BenchServer | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(20 * 60_000);
  const dir = await largeHistory(REPORTS, 'shared');
  server = await startServer(dir, { PORT: '3107', LOG_LEVEL: 'warn' });
  // Ready once the worker has loaded its model: the first overview waits for it.
  const cookie = await login(server.base, 'leader', DEMO_PASSWORD);
  const to = new Date();
  const from = new Date(to.getTime() - 4 * 365 * 86_400_000);
  const res = await fetch(`${server.base}/api/stats/overview?from=${from.toISOString()}&to=${to.toISOString()}`, {
    headers: { cookie },
    signal: AbortSignal.timeout(120_000),
  });
  expect(res.status).toBe(200);
});
test.afterAll(() => {
  server?.process.kill('SIGKILL');
});

test('the leaders’ page opens on a million reports with every section filled', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: server!.base, viewport: { width: 1366, height: 900 } });
  const cookie = (await login(server!.base, 'leader', DEMO_PASSWORD)).split('=');
  await context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: server!.base }]);
  const page = await context.newPage();

  await page.goto('/stats', { waitUntil: 'commit' });
  // Usable: the first headline figure shows a number, read on the page's clock (from navigation), every frame.
  const usable = (await (
    await page.waitForFunction(
      () => {
        const doc = (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
        ).document;
        return /\d/.test(doc.querySelector('[data-testid="kpi-received-value"]')?.textContent ?? '')
          ? performance.now()
          : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    )
  ).jsonValue()) as number;
  await expect(page.getByTestId('stats-body')).toHaveAttribute('data-loading', 'false');
  // The time is a figure to read (the benchmark's stats.page_usable_ms holds the target), not an assertion.
  testInfo.annotations.push({ type: 'usable after (ms)', description: String(Math.round(usable)) });
  console.log(`/stats usable after ${Math.round(usable)} ms on ${REPORTS.toLocaleString('en')} reports`);

  // Thirty days of a million-report city: tens of thousands received, every unit ranked.
  const received = Number((await page.getByTestId('kpi-received-value').innerText()).replace(/\D/g, ''));
  expect(received).toBeGreaterThan(REPORTS / 100);
  await expect(page.getByTestId('heatmap').locator('.leaflet-interactive').first()).toBeAttached();
  await expect(page.getByTestId('breakdown-unit').locator('tbody tr')).not.toHaveCount(0);
  await shot(page, '23-stats-million');

  // A year's view answers too, and the reports behind a figure open.
  await page.goto('/stats?period=year');
  await expect(page.getByTestId('stats-body')).toHaveAttribute('data-loading', 'false', { timeout: 30_000 });
  await page.getByTestId('kpi-received-open').click();
  await expect(page.getByTestId('drill-row').first()).toBeVisible({ timeout: 30_000 });
  await context.close();
});

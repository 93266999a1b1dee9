import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { shot } from './helpers';
import { OwnServer } from './wallServer';

// The wall runs against a server of its own (port 3111, fresh data), so the test can kill it with SIGKILL
// and start it again on the same port and data directory while the page stays open.
const WALL = { width: 1920, height: 1080 };
const CODE = /[A-Z]{1,4}-\d{4}-[0-9A-Z]{6}/;
const SIMULATED = 10;

let server: OwnServer;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-wall-'));
  server = new OwnServer(3111, dataDir);
  await server.start();
});

test.afterAll(() => {
  server?.killAll();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Records, in the page, when each ticker code first appeared, every connection state and every flash. */
function watchWall(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as {
      __seen: Record<string, number>;
      __states: { at: number; state: string }[];
      __flashes: number;
      __totals: { at: number; total: number }[];
    };
    w.__seen = {};
    w.__states = [];
    w.__flashes = 0;
    w.__totals = [];
    let lastState = '';
    let flashing = false;
    new MutationObserver(() => {
      const now = Date.now();
      for (const el of document.querySelectorAll<HTMLElement>('[data-testid="ticker-item"]')) {
        const code = el.dataset.trackingCode;
        if (code && !(code in w.__seen)) w.__seen[code] = now;
      }
      const state = document.querySelector<HTMLElement>('[data-testid="connection-state"]')?.dataset.state ?? '';
      if (state && state !== lastState) w.__states.push({ at: now, state: (lastState = state) });
      const total = document.querySelector<HTMLElement>('[data-testid="wall-map-count"]')?.dataset.total;
      if (total && Number(total) !== w.__totals.at(-1)?.total) w.__totals.push({ at: now, total: Number(total) });
      const flash = !!document.querySelector('[data-testid="wall-flash"]');
      if (flash && !flashing) w.__flashes += 1;
      flashing = flash;
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state', 'data-total'],
    });
  });
}

const seenAt = (page: Page) => page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
const counter = async (page: Page, id: string) =>
  Number(await page.getByTestId(id).getAttribute('data-value', { timeout: 5000 }));

test('the wall shows each new report within 2 s, and comes back by itself after the server restarts', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ viewport: WALL });
  const page = await context.newPage();
  await watchWall(page);
  const login = await page.request.post(`${server.url}/api/auth/login`, {
    data: { username: 'operator', password: 'demo-city-2025' },
  });
  expect(login.ok()).toBe(true);
  await page.goto(`${server.url}/ioc/wall`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(page.locator('.wall-cluster[data-count], .wall-marker[data-tracking-code]').first()).toBeAttached();
  await expect(page.getByTestId('wall-map-count')).toHaveAttribute('data-total', /\d+/);
  const open0 = await counter(page, 'counter-open');
  const total0 = Number(await page.getByTestId('wall-map-count').getAttribute('data-total'));

  // Live traffic: about 2 reports a second from the simulator (a child process, bounded in count and time).
  // Not --quiet: each line names the tracking code it filed, so each one can be looked for on the wall.
  const filed: { code: string; at: number }[] = [];
  const sim = server.run('npm', [
    'run',
    '-s',
    'simulate',
    '--',
    '--url',
    server.url,
    '--rate',
    '2',
    '--count',
    String(SIMULATED),
    '--duration',
    '20',
  ]);
  createInterface({ input: sim.stdout! }).on('line', (line) => {
    const m = line.match(/^(\S+Z)\s+(\S+)/);
    if (m && CODE.test(m[2]!)) filed.push({ code: m[2]!, at: Date.parse(m[1]!) });
  });
  sim.stderr?.resume();
  const simDone = new Promise<number | null>((resolve) => sim.on('exit', (code) => resolve(code)));
  expect(await Promise.race([simDone, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))])).toBe(0);
  expect(filed).toHaveLength(SIMULATED);
  await page.waitForTimeout(2100);

  const seen = await seenAt(page);
  const delays = filed.map((f) => ({ code: f.code, ms: (seen[f.code] ?? Infinity) - f.at }));
  console.log(`new report -> ticker: ${delays.map((d) => d.ms).join(', ')} ms`);
  for (const d of delays) expect(d.ms, `${d.code} on the wall within 2 s`).toBeLessThanOrEqual(2000);
  // The map (reloaded after events) counts the k-th new report within 2 s of its filing.
  const totals = await page.evaluate(
    () => (window as unknown as { __totals: { at: number; total: number }[] }).__totals,
  );
  const mapDelays = [...filed]
    .sort((a, b) => a.at - b.at)
    .map((f, k) => (totals.find((x) => x.total >= total0 + k + 1)?.at ?? Infinity) - f.at);
  console.log(`new report -> counted on the map: ${mapDelays.join(', ')} ms`);
  for (const ms of mapDelays) expect(ms).toBeLessThanOrEqual(2000);
  // The counters count them too.
  await expect(page.getByTestId('counter-open')).toHaveAttribute('data-value', String(open0 + SIMULATED));
  await expect(page.getByTestId('wall-map-count')).toHaveAttribute('data-total', String(total0 + SIMULATED));
  await shot(page, '13-ioc-wall');

  // The server dies hard. Nothing is filed while it is down; the wall says it lost the connection.
  const killedAt = Date.now();
  await server.kill();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'reconnecting');
  console.log(`server killed -> wall shows "reconnecting" after ${Date.now() - killedAt} ms`);

  // Same port, same data. Three reports are filed as soon as it answers, before the wall is back.
  const restartAt = Date.now();
  await server.start();
  const upAt = Date.now();
  const open1 = open0 + SIMULATED;
  const after = [];
  for (const [categoryCode, description] of [
    ['social_order', 'Tụ tập gây mất trật tự trước chợ Tuy Hòa lúc nửa đêm.'],
    ['urban_infrastructure', 'Nắp hố ga bị vỡ trên đường Trần Hưng Đạo, rất nguy hiểm.'],
    ['urban_infrastructure', 'Vỉa hè bị sụt lún trước trường tiểu học.'],
  ] as const) {
    after.push(await server.file({ categoryCode, description, lat: 13.0955, lng: 109.3012 }));
  }

  // The page reconnects by itself (no reload) and shows the three reports filed while it was away.
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  const states = await page.evaluate(
    () => (window as unknown as { __states: { at: number; state: string }[] }).__states,
  );
  const back = states.filter((s) => s.state === 'connected' && s.at >= upAt).at(0)?.at ?? Date.now();
  console.log(
    `restart: server healthy after ${upAt - restartAt} ms; wall connected ${back - upAt} ms after that (${back - restartAt} ms after the restart began)`,
  );
  for (const report of after) {
    await expect(
      page.locator(`[data-testid="ticker-item"][data-tracking-code="${report.trackingCode}"]`),
    ).toBeVisible();
  }
  await expect(page.getByTestId('counter-open')).toHaveAttribute('data-value', String(open1 + 3));
  await expect(page.getByTestId('wall-map-count')).toHaveAttribute('data-total', String(total0 + SIMULATED + 3));
  const late = await seenAt(page);
  console.log(
    `reports filed after the restart -> ticker: ${after.map((a) => late[a.trackingCode]! - a.filedAt).join(', ')} ms`,
  );
  // The high-priority report made the wall flash; still the same page load.
  const flashes = await page.evaluate(() => (window as unknown as { __flashes: number }).__flashes);
  expect(flashes).toBeGreaterThan(0);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  await context.close();
});

test('the operator sets a priority, adds a note and dispatches reports in bulk from the desk', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.request.post(`${server.url}/api/auth/login`, {
    data: { username: 'operator', password: 'demo-city-2025' },
  });
  await page.goto(`${server.url}/ioc`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  const inbox = page.locator('section[aria-labelledby="queue-inbox"]');
  await expect(inbox.getByTestId('queue-row').first()).toBeVisible();

  // Keyboard: j moves to the first report, Enter opens it, p opens the priority form.
  await page.keyboard.press('j');
  await expect(inbox.getByTestId('queue-row').first()).toBeFocused();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('report-panel');
  await expect(panel.getByTestId('panel-tracking-code')).toBeVisible();
  await page.keyboard.press('p');
  const priority = panel.getByTestId('priority-select');
  await expect(priority).toBeFocused();
  const target = (await priority.inputValue()) === 'urgent' ? 'high' : 'urgent';
  await priority.selectOption(target);
  await panel.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(panel.getByTestId('triage-message')).toContainText('Mức ưu tiên');
  await expect(panel.locator(`.detail-badges .priority-${target}`)).toBeVisible();

  // An internal note lands in the staff timeline, marked internal.
  await panel.locator('[data-action="note"]').click();
  await panel.getByTestId('note-text').fill('Đã gọi lại cho người dân, hẹn kiểm tra sáng mai.');
  await panel.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(panel.getByTestId('timeline-internal-note').first()).toContainText('Đã gọi lại cho người dân');

  // Bulk: two inbox reports dispatched to their proposed units, one by one, with a progress count.
  await page.getByRole('button', { name: 'Đóng chi tiết' }).click();
  const checks = inbox.getByTestId('row-check');
  const codes = [
    await checks.nth(0).getAttribute('data-tracking-code'),
    await checks.nth(1).getAttribute('data-tracking-code'),
  ];
  await checks.nth(0).check();
  await checks.nth(1).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('Đã chọn 2');
  await page.getByTestId('shortcut-button').click();
  await expect(page.getByTestId('shortcut-help')).toContainText('Giao cho đơn vị đề xuất');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-help')).toHaveCount(0);
  await page.getByTestId('bulk-dispatch').click();
  await expect(page.getByTestId('bulk-count')).toHaveText('2/2');
  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toBeVisible();
  console.log(`bulk dispatch of ${codes.join(', ')}: ${await summary.innerText()}`);
  await page.locator(`[data-testid="queue-row"][data-tracking-code="${codes[0]}"]`).click();
  await expect(panel.getByTestId('panel-tracking-code')).toHaveText(codes[0]!);
  await panel.locator('[data-action="priority"]').click();
  await expect(panel.getByTestId('priority-form')).toBeVisible();
  await shot(page, '14-ioc-desk-actions');

  // A walk-in: the operator files the report for the resident at the counter, on the map's centre.
  await page.getByTestId('file-for-caller').click();
  const form = page.getByTestId('caller-form');
  await form.getByLabel('Trực tiếp tại bộ phận một cửa').check();
  await form.getByTestId('caller-category').selectOption('urban_infrastructure');
  await form.getByTestId('caller-center').click();
  await expect(form.getByTestId('caller-point')).toContainText('13.0');
  await form.getByTestId('caller-description').fill('Bà Hoa đến bộ phận một cửa báo cống thoát nước bị tắc.');
  await form.getByLabel('Họ và tên người phản ánh').fill('Trần Thị Hoa');
  await form.getByLabel('Số điện thoại người phản ánh').fill('0905 111 222');
  await form.getByTestId('caller-submit').click();
  const code = (await form.getByTestId('tracking-code').textContent())!.trim();
  expect(code).toMatch(CODE);
  await expect(page.locator(`[data-testid="queue-row"][data-tracking-code="${code}"]`)).toBeVisible();
  const cookie = await server.login();
  const list = (await (await fetch(`${server.url}/api/reports?limit=5`, { headers: { cookie } })).json()) as {
    items: { trackingCode: string; channel: string }[];
  };
  expect(list.items.find((r) => r.trackingCode === code)?.channel).toBe('walk_in');
  await context.close();
});

test("a unit's leader gets their unit's wall: its open reports only, and the reports dispatched to it live", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const operator = await server.login('operator');
  const leader = await server.login('leader.lighting');
  const api = async <T>(cookie: string, url: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${server.url}${url}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...init.headers },
    });
    expect(res.ok, `${url}: ${res.status}`).toBe(true);
    return (await res.json()) as T;
  };
  type Listed = { trackingCode: string; status: string; lat: number | null };
  const openOf = async (cookie: string) =>
    (await api<{ items: Listed[] }>(cookie, '/api/reports?limit=500')).items.filter((r) =>
      ['received', 'assigned', 'in_progress', 'reopened'].includes(r.status),
    );
  const user = await api<{ unit: { id: number; name: string } }>(leader, '/api/auth/me');
  const units = await api<{ id: number; code: string }[]>(operator, '/api/units');
  const urban = units.find((u) => u.code === 'urban-management')!.id;
  const dispatch = async (id: number, unitId: number) => {
    const { version } = await api<{ version: number }>(operator, `/api/reports/${id}`);
    await api(operator, `/api/reports/${id}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ action: 'dispatch', version, unitId }),
    });
  };

  const context = await browser.newContext({ viewport: WALL });
  const page = await context.newPage();
  const login = await page.request.post(`${server.url}/api/auth/login`, {
    data: { username: 'leader.lighting', password: 'demo-city-2025' },
  });
  expect(login.ok()).toBe(true);
  await page.goto(`${server.url}/ioc/wall`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(user.unit.name);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  // The counters and the map count the unit's open reports, as the leader's own list has them: not the city's.
  const mine = await openOf(leader);
  const city = await openOf(operator);
  expect(mine.length).toBeLessThan(city.length);
  await expect(page.getByTestId('counter-open')).toHaveAttribute('data-value', String(mine.length));
  await expect(page.getByTestId('wall-map-count')).toHaveAttribute(
    'data-total',
    String(mine.filter((r) => r.lat !== null).length),
  );

  // A street light filed by a resident waits in the IOC inbox: not on the unit's wall yet. A blocked drain
  // dispatched to another unit never is. The street light dispatched to the unit arrives, live.
  const light = await server.file({
    categoryCode: 'street_lighting',
    attributes: { fault: 'off' },
    description: 'Đèn đường tắt cả dãy trên đường Hùng Vương.',
    lat: 13.0962,
    lng: 109.3021,
  });
  const drain = await server.file({
    categoryCode: 'urban_infrastructure',
    description: 'Cống thoát nước bị tắc trước chợ.',
    lat: 13.0958,
    lng: 109.3015,
  });
  await dispatch(drain.id, urban);
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('counter-open')).toHaveAttribute('data-value', String(mine.length));
  await dispatch(light.id, user.unit.id);
  await expect(page.locator(`[data-testid="ticker-item"][data-tracking-code="${light.trackingCode}"]`)).toBeVisible();
  await expect(page.getByTestId('counter-open')).toHaveAttribute('data-value', String(mine.length + 1));
  await expect(page.getByTestId('wall-map-count')).toHaveAttribute(
    'data-total',
    String(mine.filter((r) => r.lat !== null).length + 1),
  );
  await expect(page.locator(`[data-testid="ticker-item"][data-tracking-code="${drain.trackingCode}"]`)).toHaveCount(0);
  await context.close();
});

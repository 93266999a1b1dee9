import { expect, request as http, test, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { axeViolations, DEMO_PASSWORD } from './helpers';
import { resolveWithPhoto } from './resolve';

// Accessibility: axe-core on the resident pages, in both languages, on a phone.

const LANGUAGES = [
  { lang: 'vi', button: 'Tiếng Việt' },
  { lang: 'en', button: 'English' },
] as const;

// A point in the centre of Phường Tuy Hòa.
const POINT = { lat: 13.0955, lng: 109.3012 };

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });

interface Filed {
  id: number;
  trackingCode: string;
  residentToken: string;
  unit: { id: number } | null;
}

/** Files a report as a resident would (through the API) and returns its code and this device's token. */
async function fileReport(request: APIRequestContext): Promise<Filed> {
  const res = await request.post('/api/reports', {
    headers: { 'Idempotency-Key': `a11y-${Date.now()}-${Math.random()}` },
    data: {
      categoryCode: 'street_lighting',
      ...POINT,
      description: 'Đèn đường trước số nhà 40 Lê Lợi không sáng từ tối qua (kiểm tra trợ năng).',
      attributes: { fault: 'off', pole_number: 'TH-0512' },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Filed;
}

/** Signs a demo account in on its own cookie jar. */
async function staffSession(username: string): Promise<APIRequestContext> {
  const ctx = await http.newContext({ baseURL: BASE_URL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

/** One lifecycle action at the report's current version. */
async function act(ctx: APIRequestContext, id: number, body: Record<string, unknown>): Promise<void> {
  const current = (await (await ctx.get(`/api/reports/${id}`)).json()) as { version: number };
  const res = await ctx.post(`/api/reports/${id}/transitions`, { data: { ...body, version: current.version } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The IOC dispatches the report to the lighting company, which starts and resolves it. */
async function resolveThroughDesks(filed: Filed): Promise<void> {
  const operator = await staffSession('operator');
  let unitId = filed.unit?.id;
  if (unitId === undefined) {
    const units = (await (await operator.get('/api/units')).json()) as { id: number; code: string }[];
    unitId = units.find((u) => u.code === 'public-lighting')?.id;
  }
  await act(operator, filed.id, { action: 'dispatch', unitId });
  const staff = await staffSession('staff.lighting');
  await act(staff, filed.id, { action: 'start' });
  await resolveWithPhoto(staff, filed.id, 'Đã thay bóng đèn, đèn sáng bình thường.');
  await operator.dispose();
  await staff.dispose();
}

// The page's globals, typed here: the e2e folder compiles without the DOM library.
interface PageGlobals {
  document: { documentElement: { lang: string } };
  localStorage: { setItem: (key: string, value: string) => void };
}

/** Switches the interface language with the header's buttons and checks the page says so. */
async function useLanguage(page: Page, language: (typeof LANGUAGES)[number]): Promise<void> {
  await page.getByRole('button', { name: language.button, exact: true }).click();
  await expect(page.getByRole('button', { name: language.button, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang))
    .toBe(language.lang);
}

interface Target {
  name: string;
  path: (codes: { open: string; resolved: string }) => string;
  /** Waits until the page shows what is audited (data loaded, no spinner). */
  ready: (page: Page) => Promise<void>;
}

const TARGETS: Target[] = [
  {
    name: 'home (report form)',
    path: () => '/',
    ready: async (page) => {
      await expect(page.locator('[data-category]').first()).toBeVisible();
    },
  },
  {
    name: 'tracking page',
    path: (codes) => `/track/${codes.open}`,
    ready: async (page) => {
      await expect(page.getByTestId('track-view')).toBeVisible();
      await expect(page.getByTestId('comment-form')).toBeVisible();
      await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    },
  },
  {
    name: 'tracking page of a resolved report (rate, reopen)',
    path: (codes) => `/track/${codes.resolved}`,
    ready: async (page) => {
      await expect(page.getByTestId('rating-form')).toBeVisible();
      await page.getByTestId('reopen-button').click();
      await expect(page.getByTestId('reopen-reason')).toBeVisible();
      // The form's own error state is audited too.
      await page.getByTestId('rating-submit').click();
      await expect(page.getByTestId('rating-error')).toBeVisible();
    },
  },
  {
    name: 'public map',
    path: () => '/map',
    ready: async (page) => {
      await expect(page.getByTestId('map-count')).toHaveAttribute('data-loading', 'false');
      await expect(page.locator('[data-testid="map-category"]').first()).toBeAttached();
    },
  },
  {
    name: 'my reports',
    path: () => '/my',
    ready: async (page) => {
      await expect(page.getByTestId('my-report-row').first()).not.toHaveAttribute('data-status', '');
    },
  },
];

test.describe('accessibility (axe, WCAG 2.2 AA) on a phone', () => {
  let open: Filed;
  let resolved: Filed;

  test.beforeAll(async ({ request }) => {
    open = await fileReport(request);
    resolved = await fileReport(request);
    await resolveThroughDesks(resolved);
  });

  for (const target of TARGETS) {
    for (const language of LANGUAGES) {
      test(`${target.name} in ${language.button} has no violations`, async ({ page }) => {
        // This phone filed both reports: the tracking pages show the resident's own forms, "My reports" lists them.
        const entries = [open, resolved].map((f) => ({
          trackingCode: f.trackingCode,
          residentToken: f.residentToken,
          categoryCode: 'street_lighting',
          filedAt: new Date().toISOString(),
          followed: false,
        }));
        await page.addInitScript((list) => {
          (globalThis as unknown as PageGlobals).localStorage.setItem('beacon.myReports', JSON.stringify(list));
        }, entries);
        await page.goto(target.path({ open: open.trackingCode, resolved: resolved.trackingCode }));
        await useLanguage(page, language);
        await target.ready(page);
        const report = await axeViolations(page);
        if (report) console.log(`axe on ${target.name} (${language.lang}):\n${report}`);
        // An empty list, or each violation as "- id [impact] target: help".
        expect(report, `axe violations on ${target.name} (${language.lang})`).toBe('');
      });
    }
  }
});

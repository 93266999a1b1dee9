import { expect, test, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { DEMO_PASSWORD, PHONE, shot } from './helpers';
import { resolveWithPhoto } from './resolve';

// Near Tháp Nhạn, inside Phường Tuy Hòa.
const SPOT = { latitude: 13.0842, longitude: 109.3055 };

async function staff(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, username: string) {
  const ctx = await playwright.request.newContext({ baseURL: BASE_URL });
  expect((await ctx.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
  return ctx;
}

async function act(ctx: APIRequestContext, id: number, body: Record<string, unknown>) {
  const report = await (await ctx.get(`/api/reports/${id}`)).json();
  const res = await ctx.post(`/api/reports/${id}/transitions`, { data: { version: report.version, ...body } });
  expect(res.status(), await res.text()).toBe(200);
}

test.use({ ...PHONE, geolocation: SPOT, permissions: ['geolocation'] });

test('a resident follows an existing report, reopens it when the fix fails, then rates the second fix', async ({
  page,
  request,
  playwright,
}) => {
  // Someone else already reported this light.
  const first = await (
    await request.post('/api/reports', {
      data: {
        categoryCode: 'street_lighting',
        lat: SPOT.latitude,
        lng: SPOT.longitude,
        description: 'Đèn đường cạnh Tháp Nhạn không sáng',
        attributes: { fault: 'off' },
      },
    })
  ).json();

  // Our resident starts a report of the same light and is offered that one instead.
  await page.goto('/');
  await page.locator('[data-category="street_lighting"]').click();
  await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
  await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  const offered = page.locator(`[data-testid="nearby-report"][data-tracking-code="${first.trackingCode}"]`);
  await expect(offered).toBeVisible();
  await shot(page, '10-resident-nearby');
  await offered.getByTestId('nearby-follow').click();
  await expect(page).toHaveURL(new RegExp(`/track/${first.trackingCode}$`));
  await expect(page.getByTestId('reporter-count')).toHaveAttribute('data-count', '2');

  // The IOC dispatches, the lighting company resolves: the page follows live.
  const operator = await staff(playwright, 'operator');
  const lighting = await staff(playwright, 'staff.lighting');
  await act(operator, first.id, { action: 'dispatch', unitId: first.unit.id });
  await resolveWithPhoto(lighting, first.id, 'Đã thay bóng đèn.');
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'resolved');

  // Still dark that night: the resident reopens it with a reason.
  await page.getByTestId('reopen-button').click();
  await page.getByTestId('reopen-reason').fill('Tối nay đèn vẫn không sáng.');
  await page.getByTestId('reopen-submit').click();
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'reopened');
  await expect(page.getByTestId('timeline')).toContainText('Tối nay đèn vẫn không sáng.');

  // Fixed for real this time; the resident rates it, which closes it.
  await act(operator, first.id, { action: 'dispatch', unitId: first.unit.id });
  await resolveWithPhoto(lighting, first.id, 'Đã thay dây dẫn bị đứt, đèn sáng ổn định.');
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'resolved');
  await page.getByTestId('rating-4').check();
  await page.getByTestId('rating-submit').click();
  await expect(page.getByTestId('status-badge')).toHaveAttribute('data-status', 'closed');
  await shot(page, '11-resident-rated');

  const view = await (await request.get(`/api/track/${first.trackingCode}`)).json();
  expect(view).toMatchObject({ status: 'closed', reporterCount: 2, rating: { score: 4 } });
  expect(view.timeline.map((e: { type: string }) => e.type)).toEqual([
    'created',
    'followed',
    'dispatch',
    'resolve',
    'reopen',
    'dispatch',
    'resolve',
    'rated',
  ]);
  // The page shows "My reports" with this followed report.
  await page.goto('/my');
  await expect(
    page.locator(`[data-testid="my-report-row"][data-tracking-code="${first.trackingCode}"]`),
  ).toHaveAttribute('data-followed', 'true');
  await operator.dispose();
  await lighting.dispose();
});

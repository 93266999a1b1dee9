import { expect, request as http, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { BASE_URL } from '../playwright.config';
import { axeViolations, DEMO_PASSWORD, demoTotp } from './helpers';

// Accounts: an admin must have two-step verification. A new admin sets it up at the first sign-in
// (QR code and key, confirmed by a code), then signs in with a code from the app; in English here,
// Vietnamese in the helpers every admin test signs in with.

const NEW_ADMIN = { username: `admin.moi.${Date.now() % 1e6}`, password: 'mat-khau-quan-tri-moi-2026' };
const NEW_STAFF = { username: `nv.chieusang.${Date.now() % 1e6}`, password: 'mat-khau-nhan-vien-moi-2026' };
const codeOf = (secret: string, offsetMs = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetMs });

test('a new admin turns on two-step verification at the first sign-in, then signs in with a code', async ({
  browser,
}) => {
  // The demo admin creates the account over the API (password, then a code: a used one is refused).
  const api = await http.newContext({ baseURL: BASE_URL });
  for (const offset of [-30_000, 0, 30_000, 'next', 'next'] as const) {
    // Every recent code used by earlier sign-ins: the next step brings a new one.
    if (offset === 'next') await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    const res = await api.post('/api/auth/login', {
      data: { username: 'admin', password: DEMO_PASSWORD, totp: demoTotp(offset === 'next' ? 30_000 : offset) },
    });
    if (res.ok()) break;
  }
  const created = await api.post('/api/admin/users', {
    data: { ...NEW_ADMIN, displayName: 'Quản trị viên mới', role: 'admin', unitId: null },
  });
  expect(created.status(), await created.text()).toBe(201);
  // A unit's staff member too, for the next test (the demo admin's codes are spent for 30 s).
  const units = (await (await api.get('/api/units')).json()) as { id: number; code: string }[];
  const staff = await api.post('/api/admin/users', {
    data: {
      ...NEW_STAFF,
      displayName: 'Lê Thị Sáng',
      role: 'staff',
      unitId: units.find((u) => u.code === 'public-lighting')!.id,
    },
  });
  expect(staff.status(), await staff.text()).toBe(201);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login?next=/admin/units');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByLabel('Username').fill(NEW_ADMIN.username);
  await page.getByLabel('Password').fill(NEW_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // Only the enrolment is open to this session: the admin pages send it back here.
  await expect(page.getByRole('heading', { name: 'Turn on two-step verification' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  expect(await axeViolations(page)).toBe('');
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('6-digit code from the app').fill('000000');
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Wrong code/);
  const used = codeOf(secret);
  await page.getByLabel('6-digit code from the app').fill(used);
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);

  // Signing in again takes the password, then a code; the code just used is refused.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/login?next=/admin/units');
  await page.getByLabel('Username').fill(NEW_ADMIN.username);
  await page.getByLabel('Password').fill(NEW_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const code = page.getByLabel('Verification code (6 digits)');
  await expect(code).toBeFocused();
  await code.fill(used);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/already used/);
  await code.fill(codeOf(secret, 30_000));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  await context.close();
  await api.dispose();
});

test('a unit staff member turns on two-step verification from their account, then signs in with a code', async ({
  page,
}) => {
  await page.goto('/login?next=/unit');
  await page.getByLabel('Tên đăng nhập').fill(NEW_STAFF.username);
  await page.getByLabel('Mật khẩu').fill(NEW_STAFF.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(/\/unit$/);

  // Their name in the header opens their account; two-step verification is off, and can be turned on.
  await page.getByRole('link', { name: /Lê Thị Sáng/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  const totp = page.getByTestId('account-totp');
  await expect(totp).toContainText('Đang tắt');
  await totp.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByRole('img', { name: /Mã QR/ })).toBeVisible();
  expect(await axeViolations(page)).toBe('');
  await page.screenshot({ path: 'docs/screenshots/24-account-totp.png' });
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('Mã 6 chữ số từ ứng dụng').fill(codeOf(secret));
  await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
  await expect(page.getByRole('status')).toContainText('Đã bật xác thực hai bước');
  await expect(totp).not.toContainText('Đang tắt');

  // From now on the password alone is not enough.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.goto('/login?next=/unit');
  await page.getByLabel('Tên đăng nhập').fill(NEW_STAFF.username);
  await page.getByLabel('Mật khẩu').fill(NEW_STAFF.password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  const code = page.getByLabel('Mã xác thực (6 chữ số)');
  await expect(code).toBeFocused();
  await code.fill(codeOf(secret, 30_000));
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page).toHaveURL(/\/unit$/);
});

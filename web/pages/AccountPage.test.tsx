// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../shared/schemas/reports';
import { fakeServer } from '../features/admin/testServer';
import { SessionProvider } from '../features/auth/SessionProvider';
import { UserMenu } from '../features/auth/UserMenu';
import { problem } from '../test/responses';
import { renderWithApp } from '../test/render';
import AccountPage from './AccountPage';

const STAFF: SessionUser = {
  id: 3,
  username: 'staff.lighting',
  displayName: 'Trần Văn Sáng',
  role: 'staff',
  unit: { id: 2, name: 'Đội Chiếu sáng đô thị' },
  twoFactor: 'off',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAccount(user: SessionUser, handlers: Parameters<typeof fakeServer>[0] = {}) {
  const calls = fakeServer({ 'GET /api/auth/me': () => new Response(JSON.stringify(user)), ...handlers });
  renderWithApp(
    <SessionProvider>
      <UserMenu />
      <AccountPage />
    </SessionProvider>,
    { path: '/account' },
  );
  return calls;
}

describe('my account', () => {
  it('lets unit staff turn on two-step verification, then shows it on', async () => {
    const calls = renderAccount(STAFF, {
      'POST /api/auth/totp/setup': () =>
        new Response(
          JSON.stringify({
            secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
            uri: 'otpauth://totp/x',
            qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>',
          }),
        ),
      'POST /api/auth/totp/confirm': ({ body }) =>
        (body as { code: string }).code === '654321'
          ? new Response(JSON.stringify({ ...STAFF, twoFactor: 'on' }))
          : problem(401, 'invalid_totp'),
    });
    const totp = await screen.findByTestId('account-totp');
    expect(screen.getByRole('heading', { name: 'Trần Văn Sáng' })).toBeTruthy();
    expect(screen.getByText('Cán bộ đơn vị · Đội Chiếu sáng đô thị', { selector: 'dd' })).toBeTruthy();
    expect(within(totp).getByText(/Đang tắt/)).toBeTruthy();
    // The header's name leads here.
    expect(screen.getByRole('link', { name: /Trần Văn Sáng/ }).getAttribute('href')).toBe('/account');
    expect(calls.some((c) => c.path === '/api/auth/totp/setup')).toBe(false);

    fireEvent.click(within(totp).getByRole('button', { name: 'Bật xác thực hai bước' }));
    const enrolment = await screen.findByTestId('totp-enrolment');
    expect(within(enrolment).queryByText(/Tài khoản quản trị phải có/)).toBeNull();
    expect(await within(enrolment).findByRole('img', { name: /Mã QR/ })).toBeTruthy();
    fireEvent.change(within(enrolment).getByLabelText('Mã 6 chữ số từ ứng dụng'), { target: { value: '654321' } });
    fireEvent.click(within(enrolment).getByRole('button', { name: 'Bật xác thực hai bước' }));

    expect((await screen.findByRole('status')).textContent).toContain('Đã bật xác thực hai bước');
    expect(screen.queryByTestId('totp-enrolment')).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/auth/totp/confirm')).toHaveLength(1));
  });

  it('says two-step verification is on, and who can reset it, without offering to set it up again', async () => {
    renderAccount({ ...STAFF, twoFactor: 'on' });
    const totp = await screen.findByTestId('account-totp');
    expect(within(totp).getByText(/Đang bật/)).toBeTruthy();
    expect(within(totp).getByText(/Nhờ quản trị viên đặt lại/)).toBeTruthy();
    expect(within(totp).queryByRole('button')).toBeNull();
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../shared/schemas/reports';
import { problem } from '../../test/responses';
import { renderWithApp } from '../../test/render';
import { fakeServer } from '../admin/testServer';
import { LoginForm } from './LoginForm';
import { SessionProvider } from './SessionProvider';
import { TotpEnrolment } from './TotpEnrolment';

const ADMIN: SessionUser = {
  id: 6,
  username: 'admin',
  displayName: 'Quản trị',
  role: 'admin',
  unit: null,
  twoFactor: 'on',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('signing in with two-step verification', () => {
  it('asks for the code after the password, says when it is wrong, and signs in with the right one', async () => {
    const calls = fakeServer({
      'GET /api/auth/me': () => problem(401, 'unauthenticated'),
      'POST /api/auth/login': ({ body }) => {
        const { totp } = body as { totp?: string };
        if (!totp) return problem(401, 'totp_required');
        return totp === '123456' ? new Response(JSON.stringify(ADMIN), { status: 200 }) : problem(401, 'invalid_totp');
      },
    });
    const signedIn = vi.fn();
    renderWithApp(
      <SessionProvider>
        <LoginForm onSignedIn={signedIn} />
      </SessionProvider>,
      { lang: 'en' },
    );
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'mat-khau-dai-qua' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const code = await screen.findByLabelText('Verification code (6 digits)');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(code, { target: { value: '11 11 11' } });
    expect((code as HTMLInputElement).value).toBe('111111');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The code is wrong, expired or already used.');
    expect((code as HTMLInputElement).value).toBe('');

    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(signedIn).toHaveBeenCalledWith(ADMIN));
    expect(calls.filter((c) => c.path === '/api/auth/login').map((c) => c.body)).toEqual([
      { username: 'admin', password: 'mat-khau-dai-qua' },
      { username: 'admin', password: 'mat-khau-dai-qua', totp: '111111' },
      { username: 'admin', password: 'mat-khau-dai-qua', totp: '123456' },
    ]);
  });
});

describe('turning two-step verification on', () => {
  it('shows the QR code and the key once, and confirms with a code from the app', async () => {
    const calls = fakeServer({
      'POST /api/auth/totp/setup': () =>
        new Response(
          JSON.stringify({
            secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
            uri: 'otpauth://totp/x',
            qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1v1H0z"/></svg>',
          }),
          { status: 200 },
        ),
      'POST /api/auth/totp/confirm': ({ body }) =>
        (body as { code: string }).code === '654321'
          ? new Response(JSON.stringify(ADMIN), { status: 200 })
          : problem(401, 'invalid_totp'),
    });
    const enrolled = vi.fn();
    renderWithApp(<TotpEnrolment onEnrolled={enrolled} />);
    expect((await screen.findByRole('img', { name: /Mã QR/ })).innerHTML).toContain('<svg');
    expect(screen.getByTestId('totp-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    const code = screen.getByLabelText('Mã 6 chữ số từ ứng dụng');
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bật xác thực hai bước' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mã không đúng');
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bật xác thực hai bước' }));
    await waitFor(() => expect(enrolled).toHaveBeenCalledWith(ADMIN));
    expect(calls.filter((c) => c.path === '/api/auth/totp/setup')).toHaveLength(1);
  });
});

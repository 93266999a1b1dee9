// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiKeyView } from '../../../shared/schemas/admin';
import { renderWithApp } from '../../test/render';
import { ApiKeysSection } from './ApiKeysSection';
import { fakeServer, writes } from './testServer';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SECRET = 'bk_live_7KQ3MDx9VfT2pLr8aW4nZc6Hs1Yg';

/** A server that keeps its keys: creation answers the secret once, lists show only the prefix. */
function keyServer() {
  const keys: ApiKeyView[] = [
    {
      id: 1,
      name: 'Tổng đài 1022',
      prefix: 'bk_live_A1',
      createdAt: '2025-10-01T02:00:00Z',
      revokedAt: null,
      lastUsedAt: '2025-11-25T08:30:00Z',
    },
  ];
  const calls = fakeServer({
    'GET /api/admin/api-keys': () => ({ items: keys }),
    'POST /api/admin/api-keys': (c) => {
      const view: ApiKeyView = {
        id: 2,
        name: (c.body as { name: string }).name,
        prefix: SECRET.slice(0, 10),
        createdAt: '2025-11-26T03:00:00Z',
        revokedAt: null,
        lastUsedAt: null,
      };
      keys.push(view);
      return { ...view, key: SECRET };
    },
    'DELETE /api/admin/api-keys/1': () => {
      keys[0] = { ...keys[0]!, revokedAt: '2025-11-26T04:00:00Z' };
      return keys[0];
    },
  });
  return calls;
}

describe('API keys', () => {
  it('shows a new key once, with a copy button and a clear warning, and never again', async () => {
    const calls = keyServer();
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderWithApp(<ApiKeysSection />);
    await screen.findByText('Tổng đài 1022');

    fireEvent.click(screen.getByTestId('key-new'));
    fireEvent.change(screen.getByLabelText('Tên hệ thống'), { target: { value: 'Cổng dịch vụ công tỉnh' } });
    fireEvent.click(screen.getByTestId('key-create'));

    const dialog = await screen.findByTestId('key-created');
    expect((within(dialog).getByLabelText('Khoá API') as HTMLInputElement).value).toBe(SECRET);
    expect(within(dialog).getByTestId('key-once').textContent).toBe(
      'Hãy sao chép và cất giữ khoá này ngay: bạn sẽ không thể xem lại khoá sau khi đóng hộp thoại.',
    );
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Khoá API')));
    fireEvent.click(within(dialog).getByTestId('key-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    expect(await within(dialog).findByText('Đã sao chép khoá.')).toBeTruthy();
    expect(writes(calls).map((c) => c.body)).toEqual([{ name: 'Cổng dịch vụ công tỉnh' }]);

    fireEvent.click(within(dialog).getByTestId('key-done'));
    expect(screen.queryByTestId('key-dialog')).toBeNull();
    // The list shows the new key by its prefix only; the secret is nowhere on the page.
    const row = await screen.findByText('Cổng dịch vụ công tỉnh');
    expect(row.closest('tr')!.textContent).toContain('bk_live_7K…');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole('status').textContent).toBe('Đã tạo khoá Cổng dịch vụ công tỉnh.');
  });

  it('checks the name before asking the server', async () => {
    const calls = keyServer();
    renderWithApp(<ApiKeysSection />);
    fireEvent.click(await screen.findByTestId('key-new'));
    fireEvent.change(screen.getByLabelText('Tên hệ thống'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('key-create'));
    expect((await screen.findByTestId('error-name')).textContent).toBe('Cần ít nhất 2 ký tự.');
    expect(writes(calls)).toEqual([]);
  });

  it('revokes a key only after confirmation, and cancelling leaves it alone', async () => {
    const calls = keyServer();
    renderWithApp(<ApiKeysSection />);
    const revoke = await screen.findByRole('button', { name: 'Thu hồi khoá Tổng đài 1022' });

    // As from the keyboard: the button has the focus when it is pressed.
    revoke.focus();
    fireEvent.click(revoke);
    expect(screen.getByRole('dialog', { name: 'Thu hồi khoá “Tổng đài 1022”?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Huỷ' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(revoke));
    expect(writes(calls)).toEqual([]);

    fireEvent.click(revoke);
    fireEvent.click(screen.getByTestId('confirm-button'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Thu hồi khoá Tổng đài 1022' })).toBeNull());
    expect(writes(calls).map((c) => [c.method, c.path])).toEqual([['DELETE', '/api/admin/api-keys/1']]);
    expect(screen.getByText('Tổng đài 1022').closest('tr')!.textContent).toContain('Đã thu hồi');
    // The revoked key's button is gone: the focus went to the section's title, not to nowhere.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });
});

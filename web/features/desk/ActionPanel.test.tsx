// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { staffReport } from '../../test/factories';
import { ActionPanel } from './ActionPanel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubTransition(answer: () => Response) {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (url === '/api/units') return jsonResponse(200, []);
      bodies.push(JSON.parse(String(init.body)));
      return answer();
    }),
  );
  return bodies;
}

describe('report actions', () => {
  it('shows one button per action the server lists', () => {
    renderWithApp(
      <ActionPanel report={staffReport(5, { actions: ['dispatch', 'reject'] })} onDone={() => {}} onStale={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Điều phối xử lý' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Từ chối phản ánh' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hoàn thành xử lý' })).toBeNull();
  });

  it('asks for a reason before rejecting, and sends the version with it', async () => {
    const bodies = stubTransition(() => jsonResponse(200, staffReport(5, { status: 'rejected', version: 4 })));
    const onDone = vi.fn();
    renderWithApp(
      <ActionPanel report={staffReport(5, { version: 3, actions: ['reject'] })} onDone={onDone} onStale={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối phản ánh' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng nêu lý do.');
    expect(bodies).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'reason.spam' } });
    fireEvent.change(screen.getByLabelText('Ghi chú thêm'), { target: { value: 'quảng cáo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã thực hiện: Từ chối phản ánh');
    expect(bodies).toEqual([
      { action: 'reject', version: 3, reason: 'Quảng cáo, spam hoặc nội dung không phù hợp: quảng cáo' },
    ]);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'rejected', version: 4 }));
  });

  it('explains a version conflict and reloads the report', async () => {
    stubTransition(() => problem(409, 'version_conflict'));
    const onStale = vi.fn();
    renderWithApp(
      <ActionPanel
        report={staffReport(5, { status: 'assigned', actions: ['start'] })}
        onDone={() => {}}
        onStale={onStale}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Bắt đầu xử lý' }));
    expect((await screen.findByTestId('action-message')).textContent).toMatch(/người khác cập nhật/);
    expect(onStale).toHaveBeenCalledTimes(1);
  });

  it('requires a public reply to resolve', async () => {
    const bodies = stubTransition(() => jsonResponse(200, staffReport(5, { status: 'resolved', version: 2 })));
    renderWithApp(
      <ActionPanel
        report={staffReport(5, { status: 'in_progress', actions: ['resolve'] })}
        onDone={() => {}}
        onStale={() => {}}
      />,
      {
        lang: 'en',
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Please write something.');
    fireEvent.change(screen.getByLabelText('Public reply to the resident'), {
      target: { value: 'Đã thay bóng đèn mới.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Done: Mark resolved');
    expect(bodies).toEqual([{ action: 'resolve', version: 1, note: 'Đã thay bóng đèn mới.' }]);
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
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
      if (init.method !== 'POST') return jsonResponse(200, url.startsWith('/api/templates') ? { items: [] } : []);
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

  it('requires a public reply to resolve a category that asks for one', async () => {
    const bodies = stubTransition(() => jsonResponse(200, staffReport(5, { status: 'resolved', version: 2 })));
    renderWithApp(
      <ActionPanel
        report={staffReport(5, { status: 'in_progress', actions: ['resolve'] })}
        onDone={() => {}}
        onStale={() => {}}
      />,
      { lang: 'en' },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark resolved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByTestId('error-note')).textContent).toBe('Please write a reply to the resident.');
    expect(bodies).toHaveLength(0);
  });

  it('acknowledges with one click, and says when the unit acknowledged', async () => {
    const bodies = stubTransition(() =>
      jsonResponse(
        200,
        staffReport(5, {
          status: 'assigned',
          version: 5,
          acknowledgedAt: '2025-11-26T02:30:00Z',
          actions: ['start', 'resolve', 'hand_back'],
        }),
      ),
    );
    // The desk shows the report the server answered with.
    function Desk() {
      const [report, setReport] = useState(
        staffReport(5, { status: 'assigned', version: 4, actions: ['acknowledge', 'start', 'resolve', 'hand_back'] }),
      );
      return <ActionPanel report={report} onDone={setReport} onStale={() => {}} />;
    }
    renderWithApp(<Desk />);
    expect(screen.queryByTestId('acknowledged-at')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận đã tiếp nhận' }));
    await screen.findByText('Đã thực hiện: Xác nhận đã tiếp nhận');
    expect(bodies).toEqual([{ action: 'acknowledge', version: 4 }]);
    expect(screen.getByTestId('acknowledged-at').textContent).toBe('Đơn vị đã tiếp nhận lúc 09:30 26/11/2025');
    expect(screen.queryByRole('button', { name: 'Xác nhận đã tiếp nhận' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Bắt đầu xử lý' })).toBeTruthy();
  });

  it('hands a report back to the IOC with a preset reason and a template for the details', async () => {
    const bodies: unknown[] = [];
    const gets: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        if (init.method !== 'POST') {
          gets.push(url);
          if (url.startsWith('/api/templates'))
            return jsonResponse(200, {
              items: [
                {
                  id: 3,
                  categoryCode: 'street_lighting',
                  action: 'hand_back',
                  title: { vi: 'Đèn của đơn vị khác', en: 'Another unit’s light' },
                  text: { vi: 'Cột đèn này do Điện lực quản lý.', en: 'This pole belongs to the power company.' },
                  sortOrder: 1,
                },
              ],
            });
          return jsonResponse(200, []);
        }
        bodies.push(JSON.parse(String(init.body)));
        return jsonResponse(200, staffReport(5, { status: 'received', version: 3 }));
      }),
    );
    renderWithApp(
      <ActionPanel
        report={staffReport(5, { status: 'assigned', version: 2, actions: ['start', 'hand_back'] })}
        onDone={() => {}}
        onStale={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Trả lại IOC' }));
    const form = screen.getByTestId('action-form-hand_back');
    fireEvent.change(screen.getByLabelText('Lý do'), { target: { value: 'reason.not_our_field' } });
    fireEvent.change(await screen.findByLabelText('Mẫu trả lời'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chèn mẫu' }));
    expect((screen.getByLabelText('Ghi chú thêm') as HTMLTextAreaElement).value).toBe(
      'Cột đèn này do Điện lực quản lý.',
    );
    expect(gets).toContain('/api/templates?categoryCode=street_lighting&action=hand_back');
    fireEvent.submit(form);
    await screen.findByText('Đã thực hiện: Trả lại IOC');
    expect(bodies).toEqual([
      {
        action: 'hand_back',
        version: 2,
        reason: 'Không thuộc lĩnh vực của đơn vị: Cột đèn này do Điện lực quản lý.',
      },
    ]);
  });
});

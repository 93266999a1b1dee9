// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { staffReport } from '../../test/factories';
import { ActionPanel } from './ActionPanel';
import { TriageTools } from './TriageTools';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Answers the catalogue calls; records and answers the report changes. */
function stubApi(answer: () => Response) {
  const posts: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      if (!init.body) return jsonResponse(200, []);
      posts.push({ url, body: JSON.parse(String(init.body)) });
      return answer();
    }),
  );
  return posts;
}

describe('the IOC triage tools', () => {
  it('sets the priority with the report version', async () => {
    const posts = stubApi(() => jsonResponse(200, staffReport(5, { priority: 'urgent', version: 8 })));
    const onDone = vi.fn();
    renderWithApp(<TriageTools report={staffReport(5, { version: 7 })} ioc onDone={onDone} onStale={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mức ưu tiên' }));
    fireEvent.change(screen.getByTestId('priority-select'), { target: { value: 'urgent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect((await screen.findByTestId('triage-message')).textContent).toBe('Đã thực hiện: Mức ưu tiên');
    expect(posts).toEqual([{ url: '/api/reports/5/priority', body: { priority: 'urgent', version: 7 } }]);
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ priority: 'urgent', version: 8 }));
  });

  it('adds an internal note, and says so plainly when someone changed the report meanwhile', async () => {
    const posts = stubApi(() => problem(409, 'version_conflict'));
    const onStale = vi.fn();
    renderWithApp(<TriageTools report={staffReport(5, { version: 2 })} ioc onDone={() => {}} onStale={onStale} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghi chú nội bộ' }));
    fireEvent.change(screen.getByTestId('note-text'), { target: { value: '  Đã gọi lại cho người dân  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ghi chú' }));
    expect((await screen.findByTestId('triage-message')).textContent).toMatch(/người khác cập nhật/);
    expect(posts[0]).toEqual({ url: '/api/reports/5/notes', body: { text: 'Đã gọi lại cho người dân', version: 2 } });
    expect(onStale).toHaveBeenCalled();
  });

  it('sends only what was corrected', async () => {
    const posts = stubApi(() => jsonResponse(200, staffReport(5, { version: 4 })));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        if (url === '/api/categories')
          return jsonResponse(200, [
            { code: 'street_lighting', name: { vi: 'Đèn đường', en: 'Lights' } },
            { code: 'trees', name: { vi: 'Cây xanh', en: 'Trees' } },
          ]);
        if (!init.body) return jsonResponse(200, []);
        posts.push({ url, body: JSON.parse(String(init.body)) });
        return jsonResponse(200, staffReport(5, { version: 4 }));
      }),
    );
    renderWithApp(<TriageTools report={staffReport(5, { version: 3 })} ioc onDone={() => {}} onStale={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sửa loại / vị trí' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điều chỉnh' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Hãy chọn loại sự cố khác hoặc một vị trí mới.');
    await screen.findByRole('option', { name: 'Cây xanh' });
    fireEvent.change(screen.getByTestId('correction-category'), { target: { value: 'trees' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu điều chỉnh' }));
    await screen.findByTestId('triage-message');
    expect(posts).toEqual([{ url: '/api/reports/5/correction', body: { categoryCode: 'trees', version: 3 } }]);
  });

  it('offers unit staff the note only', () => {
    stubApi(() => jsonResponse(200, {}));
    renderWithApp(<TriageTools report={staffReport(5)} ioc={false} onDone={() => {}} onStale={() => {}} />);
    expect(screen.getByRole('button', { name: 'Ghi chú nội bộ' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mức ưu tiên' })).toBeNull();
  });
});

describe('the d shortcut', () => {
  it('opens the dispatch form on the proposed unit with the confirm button focused', () => {
    stubApi(() => jsonResponse(200, {}));
    const report = staffReport(5, { actions: ['dispatch', 'reject'], unit: { id: 3, name: 'Điện lực' } });
    renderWithApp(
      <ActionPanel
        report={report}
        onDone={() => {}}
        onStale={() => {}}
        command={{ name: 'dispatch', reportId: 5, seq: 1 }}
      />,
    );
    expect(screen.getByTestId('action-form-dispatch')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Xác nhận' }));
  });

  it('ignores a command meant for another report', () => {
    stubApi(() => jsonResponse(200, {}));
    renderWithApp(
      <ActionPanel
        report={staffReport(5, { actions: ['dispatch'] })}
        onDone={() => {}}
        onStale={() => {}}
        command={{ name: 'dispatch', reportId: 6, seq: 1 }}
      />,
    );
    expect(screen.queryByTestId('action-form-dispatch')).toBeNull();
  });
});

describe('merging a duplicate', () => {
  it('offers the nearby open reports of the same category, not the report itself', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        if (url.startsWith('/api/reports/nearby?'))
          return jsonResponse(200, [
            { trackingCode: 'PY-2611-000005', status: 'received', description: 'chính nó', distanceM: 0 },
            {
              trackingCode: 'TH-2611-ABC123',
              status: 'assigned',
              description: 'Đèn tắt',
              distanceM: 42.4,
              reporterCount: 3,
            },
          ]);
        if (init.body) sent.push({ url, body: JSON.parse(String(init.body)) });
        return jsonResponse(200, staffReport(5, { status: 'duplicate', version: 2 }));
      }),
    );
    renderWithApp(
      <ActionPanel report={staffReport(5, { actions: ['mark_duplicate'] })} onDone={() => {}} onStale={() => {}} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu trùng' }));
    const choices = await screen.findAllByTestId('duplicate-choice');
    expect(choices.map((c) => c.dataset.trackingCode)).toEqual(['TH-2611-ABC123']);
    expect(choices[0]!.textContent).toContain('cách 42 m');
    fireEvent.click(screen.getByRole('radio'));
    expect((screen.getByLabelText('Mã theo dõi của phản ánh gốc') as HTMLInputElement).value).toBe('TH-2611-ABC123');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByTestId('action-message');
    expect(sent).toEqual([
      {
        url: '/api/reports/5/transitions',
        body: { action: 'mark_duplicate', version: 1, duplicateOf: 'TH-2611-ABC123' },
      },
    ]);
  });
});

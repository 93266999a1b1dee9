// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { CommentForm } from './CommentForm';
import { ReopenForm } from './ReopenForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubPost(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init });
      return answer();
    }),
  );
  return calls;
}

const jpeg = (name: string, size = 1000) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });

describe("a resident's comment", () => {
  it('needs some text or a photo', async () => {
    const calls = stubPost(() => jsonResponse(201, {}));
    renderWithApp(<CommentForm code="TH-2611-7KQ3MD" token="tok" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi bổ sung' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Hãy viết nội dung hoặc chọn ít nhất một ảnh.');
    expect(calls).toHaveLength(0);
  });

  it('sends text alone as JSON with the device token', async () => {
    const calls = stubPost(() => jsonResponse(201, {}));
    renderWithApp(<CommentForm code="TH-2611-7KQ3MD" token="tok" />);
    fireEvent.change(screen.getByLabelText('Nội dung bổ sung'), { target: { value: 'Đèn vẫn chưa sáng.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi bổ sung' }));
    expect((await screen.findByTestId('comment-message')).textContent).toBe('Đã gửi thông tin bổ sung.');
    expect(calls[0]?.url).toBe('/api/track/TH-2611-7KQ3MD/comments');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ text: 'Đèn vẫn chưa sáng.' });
    expect((calls[0]?.init.headers as Record<string, string>)['x-resident-token']).toBe('tok');
  });

  it('sends photos as multipart, keeping at most three', async () => {
    const calls = stubPost(() => jsonResponse(201, {}));
    renderWithApp(<CommentForm code="TH-2611-7KQ3MD" token="tok" />);
    const input = screen.getByLabelText(/Thêm ảnh \(tối đa 3 ảnh\)/);
    fireEvent.change(input, { target: { files: [jpeg('a.jpg'), jpeg('b.jpg'), jpeg('c.jpg'), jpeg('d.jpg')] } });
    expect(screen.getByText('Chỉ gửi được tối đa 3 ảnh.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ ảnh “b.jpg”' }));
    fireEvent.change(screen.getByLabelText('Nội dung bổ sung'), { target: { value: 'Ảnh chụp tối nay' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi bổ sung' }));
    await screen.findByTestId('comment-message');
    const body = calls[0]?.init.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(body.get('text')).toBe('Ảnh chụp tối nay');
    expect((body.getAll('photos') as File[]).map((f) => f.name)).toEqual(['a.jpg', 'c.jpg']);
    expect((calls[0]?.init.headers as Record<string, string>)['x-resident-token']).toBe('tok');
  });

  it('refuses a file that is not a photo and says why the server refused one', async () => {
    stubPost(() => problem(422, 'invalid_image'));
    renderWithApp(<CommentForm code="TH-2611-7KQ3MD" token="tok" />);
    const input = screen.getByTestId('comment-photos');
    fireEvent.change(input, {
      target: { files: [new File(['x'], 'notes.pdf', { type: 'application/pdf' }), jpeg('broken.jpg')] },
    });
    expect(screen.getByText('Tệp “notes.pdf” không phải là ảnh.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Gửi bổ sung' }));
    expect((await screen.findByTestId('comment-message')).textContent).toMatch(/Không đọc được ảnh/);
  });
});

describe('reopening a report that was not fixed', () => {
  it('requires a reason, then sends the reopen action', async () => {
    const calls = stubPost(() => jsonResponse(200, {}));
    renderWithApp(<ReopenForm code="TH-2611-7KQ3MD" token="tok" reopenUntil="2025-12-03T05:00:00Z" />);
    const open = screen.getByRole('button', { name: 'Chưa được khắc phục? Mở lại' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Mở lại phản ánh' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng nêu lý do mở lại.');
    expect(calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Lý do mở lại'), { target: { value: 'Đèn lại tắt sau hai hôm.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở lại phản ánh' }));
    await screen.findByText('Phản ánh đã được mở lại và chuyển về Trung tâm điều hành.');
    expect(calls[0]?.url).toBe('/api/track/TH-2611-7KQ3MD/actions');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ action: 'reopen', reason: 'Đèn lại tắt sau hai hôm.' });
  });

  it('explains a refused token', async () => {
    stubPost(() => problem(403, 'resident_token_required'));
    renderWithApp(<ReopenForm code="TH-2611-7KQ3MD" token="old" reopenUntil="2025-12-03T05:00:00Z" />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Not fixed? Reopen' }));
    fireEvent.change(screen.getByLabelText('Why are you reopening it?'), { target: { value: 'Still dark.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reopen report' }));
    expect((await screen.findByTestId('reopen-message')).textContent).toBe(
      'Only the phone that sent or followed this report can do this.',
    );
  });
});

// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse, problem } from '../../test/responses';
import { RatingForm } from './RatingForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function stubRating(answer: () => Response) {
  const calls: { url: string; body: unknown; token: string | undefined }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, body: JSON.parse(String(init.body)), token: headers['x-resident-token'] });
      return answer();
    }),
  );
  return calls;
}

describe('rating the result', () => {
  it('requires a score before sending anything', async () => {
    const calls = stubRating(() => jsonResponse(200, publicReport()));
    renderWithApp(<RatingForm code="TH-2611-7KQ3MD" token="tok" />);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect((await screen.findByTestId('rating-error')).textContent).toBe('Vui lòng chọn từ 1 đến 5 sao.');
    expect(calls).toHaveLength(0);
  });

  it('offers exactly five named stars as one radio group a keyboard can reach', () => {
    renderWithApp(<RatingForm code="TH-2611-7KQ3MD" token="tok" />);
    const group = screen.getByRole('group', { name: 'Bạn hài lòng với kết quả xử lý ở mức nào?' });
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios).toHaveLength(5);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.every((r) => group.contains(r) && !r.disabled && r.tabIndex >= 0)).toBe(true);
    const four = screen.getByRole('radio', { name: '4 sao – Hài lòng' });
    four.focus();
    expect(document.activeElement).toBe(four);
    // Space on a focused radio is a click.
    fireEvent.click(four);
    expect((four as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('radio', { name: '1 sao – Rất không hài lòng' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '5 sao – Rất hài lòng' })).toBeTruthy();
  });

  it('sends the score and the comment with the device token, submitted with Enter', async () => {
    const calls = stubRating(() => jsonResponse(200, publicReport({ status: 'closed' })));
    const onUpdated = vi.fn();
    renderWithApp(<RatingForm code="TH-2611-7KQ3MD" token="tok" onUpdated={onUpdated} />);
    fireEvent.click(screen.getByRole('radio', { name: '5 sao – Rất hài lòng' }));
    fireEvent.change(screen.getByLabelText(/Nhận xét/), { target: { value: '  Sửa rất nhanh  ' } });
    fireEvent.submit(screen.getByTestId('rating-form'));
    expect((await screen.findByTestId('rating-message')).textContent).toBe('Cảm ơn bạn đã đánh giá.');
    expect(calls).toEqual([
      { url: '/api/track/TH-2611-7KQ3MD/rating', body: { score: 5, comment: 'Sửa rất nhanh' }, token: 'tok' },
    ]);
    expect(onUpdated).toHaveBeenCalledWith(expect.objectContaining({ status: 'closed' }));
    expect(screen.queryByTestId('rating-form')).toBeNull();
  });

  it('says so when the report was already rated', async () => {
    stubRating(() => problem(409, 'already_rated'));
    renderWithApp(<RatingForm code="TH-2611-7KQ3MD" token="tok" />, { lang: 'en' });
    fireEvent.click(screen.getByRole('radio', { name: '3 stars – Neutral' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send rating' }));
    expect((await screen.findByTestId('rating-message')).textContent).toBe('This report has already been rated.');
    expect(screen.queryByTestId('rating-form')).toBeNull();
  });

  it('explains that only the phone that sent or followed the report may rate it', async () => {
    stubRating(() => problem(403, 'resident_token_required'));
    renderWithApp(<RatingForm code="TH-2611-7KQ3MD" token="stale" />);
    fireEvent.click(screen.getByRole('radio', { name: '2 sao – Không hài lòng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect((await screen.findByTestId('rating-message')).textContent).toMatch(
      /Chỉ điện thoại đã gửi hoặc đã theo dõi phản ánh này/,
    );
    expect(screen.getByTestId('rating-form')).toBeTruthy();
  });
});

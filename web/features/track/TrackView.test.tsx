// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { publicReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { jsonResponse } from '../../test/responses';
import { TrackView } from './TrackView';

vi.mock('./TrackMap', () => ({ default: () => <div data-testid="track-map" /> }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const unit = { id: 2, name: 'Công ty Chiếu sáng đô thị' };
const photo = (id: string) => ({
  id,
  url: `/api/photos/${id}`,
  thumbUrl: `/api/photos/${id}/thumb`,
  width: 1600,
  height: 1200,
});

const resolved = publicReport({
  status: 'resolved',
  description: 'Đèn đường không sáng trước nhà số 12',
  updatedAt: '2025-11-26T05:00:00Z',
  resolvedAt: '2025-11-26T05:00:00Z',
  reopenUntil: '2025-12-03T05:00:00Z',
  unit,
  timeline: [
    ...publicReport().timeline,
    {
      eventId: 8,
      at: '2025-11-26T05:00:00Z',
      type: 'resolve',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      unit,
      note: 'Đã thay bóng đèn mới.',
      photos: [photo('after1')],
    },
  ],
});

/** Renders at a fixed time (the reopening window and countdowns depend on it). */
function renderAt(iso: string, report: PublicReportView, token: string | null, lang: 'vi' | 'en' = 'vi') {
  vi.useFakeTimers({
    now: new Date(iso),
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });
  return renderWithApp(<TrackView report={report} token={token} />, { lang });
}

describe('the public tracking page', () => {
  it('shows the status as a Vietnamese badge, the unit and the reply', () => {
    renderWithApp(<TrackView report={resolved} connection="connected" />);
    const badge = screen.getByTestId('status-badge');
    expect(badge.textContent).toBe('Đã xử lý xong');
    expect(badge.getAttribute('data-status')).toBe('resolved');
    expect(screen.getByTestId('track-unit').textContent).toBe('Công ty Chiếu sáng đô thị');
    expect(screen.getByText('Đã thay bóng đèn mới.')).toBeTruthy();
    expect(screen.getByText('Cập nhật trực tiếp')).toBeTruthy();
  });

  it('lists the newest step of the timeline first, with the after-photo of the resolution', () => {
    renderWithApp(<TrackView report={resolved} />);
    const items = screen.getByTestId('timeline').querySelectorAll('li.timeline-item');
    expect(items[0]?.textContent).toContain('Đã xử lý xong');
    expect(items[1]?.textContent).toContain('Đã tiếp nhận');
    const link = within(items[0] as HTMLElement).getByRole('link');
    expect(link.getAttribute('href')).toBe('/api/photos/after1');
    expect(link.querySelector('img')?.getAttribute('src')).toBe('/api/photos/after1/thumb');
  });

  it('says how many residents reported the problem', () => {
    renderWithApp(<TrackView report={publicReport({ reporterCount: 3 })} />);
    expect(screen.getByTestId('reporter-count').textContent).toContain('3 người đã báo sự cố này');
    cleanup();
    renderWithApp(<TrackView report={publicReport({ reporterCount: 1 })} />, { lang: 'en' });
    expect(screen.getByTestId('reporter-count').textContent).toContain('One person reported this problem');
  });

  it("shows the report's photos as thumbnails that open the full photo", () => {
    renderWithApp(<TrackView report={publicReport({ photos: [photo('p1'), photo('p2')] })} />);
    const links = within(screen.getByTestId('report-photos')).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/api/photos/p1', '/api/photos/p2']);
    expect(screen.getByRole('link', { name: 'Ảnh 2/2 – mở ảnh kích thước đầy đủ' })).toBeTruthy();
  });

  it('waits for the IOC to place a report filed by address instead of drawing a map', async () => {
    renderWithApp(<TrackView report={publicReport({ lat: null, lng: null })} />);
    expect(screen.getByTestId('location-pending').textContent).toContain('Đang chờ Trung tâm xác định vị trí');
    expect(screen.queryByTestId('track-map')).toBeNull();
    cleanup();
    renderWithApp(<TrackView report={publicReport()} />);
    expect(await screen.findByTestId('track-map')).toBeTruthy();
    expect(screen.queryByTestId('location-pending')).toBeNull();
  });

  it('counts down to the deadline of an open report', () => {
    renderAt('2025-11-27T22:00:00Z', publicReport({ dueAt: '2025-11-29T01:00:00Z' }), null);
    expect(screen.getByTestId('countdown').textContent).toBe('còn 1 ngày 3 giờ');
  });

  it('offers reopening only to the device holding a token, while resolved and within the window', () => {
    renderAt('2025-11-28T00:00:00Z', resolved, 'tok');
    expect(screen.getByRole('button', { name: 'Chưa được khắc phục? Mở lại' })).toBeTruthy();
    cleanup();
    renderAt('2025-11-28T00:00:00Z', resolved, null);
    expect(screen.queryByTestId('reopen-button')).toBeNull();
    expect(screen.getByTestId('track-read-only')).toBeTruthy();
    cleanup();
    renderAt('2025-12-04T00:00:00Z', resolved, 'tok');
    expect(screen.queryByTestId('reopen-button')).toBeNull();
    cleanup();
    renderAt('2025-11-28T00:00:00Z', { ...resolved, status: 'closed', reopenUntil: null }, 'tok');
    expect(screen.queryByTestId('reopen-button')).toBeNull();
  });

  it('asks for a rating once the work is done and nobody rated it yet', () => {
    renderAt('2025-11-28T00:00:00Z', resolved, 'tok');
    expect(screen.getByTestId('rating-form')).toBeTruthy();
    cleanup();
    renderAt('2025-11-28T00:00:00Z', { ...resolved, status: 'closed' }, 'tok');
    expect(screen.getByTestId('rating-form')).toBeTruthy();
    cleanup();
    renderAt(
      '2025-11-28T00:00:00Z',
      { ...resolved, rating: { score: 4, comment: 'Nhanh', at: '2025-11-27T00:00:00Z' } },
      'tok',
    );
    expect(screen.queryByTestId('rating-form')).toBeNull();
    expect(screen.getByTestId('report-rating').textContent).toContain('4/5 sao');
    cleanup();
    renderAt('2025-11-28T00:00:00Z', publicReport({ status: 'in_progress' }), 'tok');
    expect(screen.queryByTestId('rating-form')).toBeNull();
    expect(screen.getByTestId('comment-form')).toBeTruthy();
  });

  it('speaks English when asked', () => {
    renderWithApp(<TrackView report={{ ...resolved, unit: null, status: 'received' }} />, { lang: 'en' });
    expect(screen.getByTestId('status-badge').textContent).toBe('Received');
    expect(screen.getByTestId('track-unit').textContent).toBe('Not assigned yet');
  });

  it('keeps the thanks on screen once the rating it sent closes the report', async () => {
    const rated = {
      ...resolved,
      status: 'closed' as const,
      reopenUntil: null,
      rating: { score: 5, comment: null, at: '2025-11-27T00:00:00Z' },
      timeline: [
        ...resolved.timeline,
        {
          eventId: 9,
          at: '2025-11-27T00:00:00Z',
          type: 'rated',
          fromStatus: 'resolved' as const,
          toStatus: 'closed' as const,
          unit: null,
          note: null,
          photos: [],
        },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(200, rated)),
    );
    function Page() {
      const [report, setReport] = useState<PublicReportView>(resolved);
      return <TrackView report={report} token="tok" onUpdated={setReport} />;
    }
    renderWithApp(<Page />);
    fireEvent.click(screen.getByRole('radio', { name: '5 sao – Rất hài lòng' }));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đánh giá' }));
    expect((await screen.findByTestId('rating-message')).textContent).toBe('Cảm ơn bạn đã đánh giá.');
    expect(screen.getByTestId('status-badge').getAttribute('data-status')).toBe('closed');
    expect(screen.getByTestId('report-rating').textContent).toContain('5/5 sao');
    expect(screen.getByTestId('timeline').textContent).toContain('Người dân đánh giá kết quả');
    expect(screen.queryByTestId('rating-form')).toBeNull();
    expect(screen.queryByTestId('reopen-button')).toBeNull();
  });
});

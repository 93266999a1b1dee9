// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicReport } from '../../test/factories';
import { renderWithApp } from '../../test/render';
import { TrackView } from './TrackView';

vi.mock('./TrackMap', () => ({ default: () => null }));
afterEach(cleanup);

const report = publicReport({
  status: 'resolved',
  description: 'Đèn đường không sáng trước nhà số 12',
  updatedAt: '2025-11-26T05:00:00Z',
  resolvedAt: '2025-11-26T05:00:00Z',
  unit: { id: 2, name: 'Công ty Chiếu sáng đô thị' },
  timeline: [
    ...publicReport().timeline,
    {
      eventId: 8,
      at: '2025-11-26T05:00:00Z',
      type: 'status_changed',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      unit: { id: 2, name: 'Công ty Chiếu sáng đô thị' },
      note: 'Đã thay bóng đèn mới.',
    },
  ],
});

describe('the public tracking page', () => {
  it('shows the status as a Vietnamese badge, the unit and the reply', () => {
    renderWithApp(<TrackView report={report} connection="connected" />);
    const badge = screen.getByTestId('status-badge');
    expect(badge.textContent).toBe('Đã xử lý xong');
    expect(badge.getAttribute('data-status')).toBe('resolved');
    expect(screen.getByTestId('track-unit').textContent).toBe('Công ty Chiếu sáng đô thị');
    expect(screen.getByText('Đã thay bóng đèn mới.')).toBeTruthy();
    expect(screen.getByText('Cập nhật trực tiếp')).toBeTruthy();
  });

  it('lists the newest step of the timeline first', () => {
    renderWithApp(<TrackView report={report} />);
    const items = screen.getByTestId('timeline').querySelectorAll('li');
    expect(items[0]?.textContent).toContain('Đã xử lý xong');
    expect(items[1]?.textContent).toContain('Đã tiếp nhận');
  });

  it('speaks English when asked', () => {
    renderWithApp(<TrackView report={{ ...report, unit: null, status: 'received' }} />, { lang: 'en' });
    expect(screen.getByTestId('status-badge').textContent).toBe('Received');
    expect(screen.getByTestId('track-unit').textContent).toBe('Not assigned yet');
  });
});

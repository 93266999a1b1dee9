// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { renderWithApp } from '../../test/render';
import { TrackView } from './TrackView';

vi.mock('./TrackMap', () => ({ default: () => null }));
afterEach(cleanup);

const report: PublicReportView = {
  trackingCode: 'TH-2611-7KQ3MD',
  category: { code: 'street_lighting', name: { vi: 'Đèn đường không sáng', en: 'Street light out' } },
  status: 'resolved',
  area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
  lat: 13.095,
  lng: 109.3,
  description: 'Đèn đường không sáng trước nhà số 12',
  createdAt: '2025-11-26T01:00:00Z',
  updatedAt: '2025-11-26T05:00:00Z',
  dueAt: '2025-11-29T01:00:00Z',
  resolvedAt: '2025-11-26T05:00:00Z',
  unit: { id: 2, name: 'Công ty Chiếu sáng đô thị' },
  timeline: [
    {
      eventId: 1,
      at: '2025-11-26T01:00:00Z',
      type: 'created',
      fromStatus: null,
      toStatus: 'received',
      unit: null,
      note: null,
    },
    {
      eventId: 4,
      at: '2025-11-26T05:00:00Z',
      type: 'status_changed',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      unit: { id: 2, name: 'Công ty Chiếu sáng đô thị' },
      note: 'Đã thay bóng đèn mới.',
    },
  ],
};

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

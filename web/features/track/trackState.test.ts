import { describe, expect, it } from 'vitest';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { applyPublicEvent, fromView, isPublicView } from './trackState';

const view = (patch: Partial<PublicReportView> = {}): PublicReportView => ({
  trackingCode: 'TH-2611-7KQ3MD',
  category: { code: 'street_lighting', name: { vi: 'Đèn đường không sáng', en: 'Street light out' } },
  status: 'received',
  area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
  lat: 13.095,
  lng: 109.3,
  description: 'Đèn đường không sáng',
  createdAt: '2025-11-26T01:00:00Z',
  updatedAt: '2025-11-26T01:00:00Z',
  dueAt: '2025-11-29T01:00:00Z',
  resolvedAt: null,
  unit: null,
  timeline: [
    {
      eventId: 7,
      at: '2025-11-26T01:00:00Z',
      type: 'created',
      fromStatus: null,
      toStatus: 'received',
      unit: null,
      note: null,
    },
  ],
  ...patch,
});

describe('following a report live', () => {
  it('starts from the newest timeline event of the HTTP view', () => {
    expect(fromView(view()).lastEventId).toBe(7);
  });

  it('shows a newer status as soon as its event arrives', () => {
    const next = applyPublicEvent(fromView(view()), { eventId: 9, report: view({ status: 'assigned' }) });
    expect(next.report.status).toBe('assigned');
    expect(next.lastEventId).toBe(9);
  });

  it('ignores a replayed event it already reflects', () => {
    const state = applyPublicEvent(fromView(view()), { eventId: 9, report: view({ status: 'in_progress' }) });
    expect(applyPublicEvent(state, { eventId: 8, report: view({ status: 'assigned' }) })).toBe(state);
    expect(applyPublicEvent(state, { eventId: 9, report: view({ status: 'assigned' }) })).toBe(state);
  });

  it('ignores events about another report', () => {
    const state = fromView(view());
    expect(applyPublicEvent(state, { eventId: 20, report: view({ trackingCode: 'PY-2611-000999' }) })).toBe(state);
  });

  it('tells the public projection from the staff one', () => {
    expect(isPublicView(view())).toBe(true);
  });
});

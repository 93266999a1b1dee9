import type { StaffReportView } from '../../shared/schemas/reports';

/** A staff report view with sensible defaults; tests override what they are about. */
export function staffReport(id: number, patch: Partial<StaffReportView> = {}): StaffReportView {
  return {
    id,
    trackingCode: `PY-2611-${String(id).padStart(6, '0')}`,
    category: { code: 'street_lighting', name: { vi: 'Đèn đường không sáng', en: 'Street light out' } },
    status: 'received',
    priority: 'normal',
    channel: 'web',
    area: { code: 'tuy-hoa', name: 'Phường Tuy Hòa' },
    unit: null,
    lat: 13.095,
    lng: 109.3,
    address: null,
    description: 'Đèn đường không sáng',
    reporterCount: 1,
    createdAt: '2025-11-26T01:00:00Z',
    updatedAt: '2025-11-26T01:00:00Z',
    dueAt: '2025-11-29T01:00:00Z',
    resolvedAt: null,
    version: 1,
    actions: [],
    ...patch,
  };
}

import type { AdminCategory } from '../../shared/schemas/admin';
import type { CategoryDto } from '../../shared/schemas/categories';
import type { PublicReportView, StaffReportView } from '../../shared/schemas/reports';

/** A staff report view with sensible defaults; tests override what they are about. */
export function staffReport(id: number, patch: Partial<StaffReportView> = {}): StaffReportView {
  return {
    id,
    trackingCode: `PY-2611-${String(id).padStart(6, '0')}`,
    category: { code: 'street_lighting', name: { vi: 'Đèn đường không sáng', en: 'Street light out' } },
    status: 'received',
    priority: 'normal',
    channel: 'web',
    apiClient: null,
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
    acknowledgedAt: null,
    version: 1,
    actions: [],
    ...patch,
  };
}

/** A public report view (what a resident following the report sees); tests override what they are about. */
export function publicReport(patch: Partial<PublicReportView> = {}): PublicReportView {
  return {
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
    reporterCount: 1,
    photos: [],
    rating: null,
    reopenUntil: null,
    timeline: [
      {
        eventId: 7,
        at: '2025-11-26T01:00:00Z',
        type: 'created',
        fromStatus: null,
        toStatus: 'received',
        unit: null,
        note: null,
        photos: [],
      },
    ],
    ...patch,
  };
}

/** A category as the public API lists it (street lights, no questions); tests override what they are about. */
export function categoryDto(patch: Partial<CategoryDto> = {}): CategoryDto {
  return {
    code: 'street_lighting',
    name: { vi: 'Đèn đường không sáng', en: 'Street light out' },
    group: 'infrastructure',
    groupName: { vi: 'Hạ tầng đô thị', en: 'Urban infrastructure' },
    icon: 'lightbulb',
    defaultPriority: 'normal',
    deadline: { value: 2, unit: 'working_days' },
    questions: [],
    duplicateRadiusM: 50,
    duplicateDays: 14,
    reopenWindowDays: 7,
    resolution: { reply: true, photo: true },
    ...patch,
  };
}

/** The same category as the admin API lists it, with one question and an urgent deadline of its own. */
export function adminCategory(patch: Partial<AdminCategory> = {}): AdminCategory {
  const { resolution: _resolution, ...base } = categoryDto();
  return {
    ...base,
    deadlinesByPriority: { urgent: { value: 4, unit: 'hours' } },
    questions: [
      {
        code: 'pole_number',
        label: { vi: 'Số hiệu cột đèn', en: 'Pole number' },
        datatype: 'string',
        required: false,
        order: 0,
      },
    ],
    autoDispatch: true,
    publicLocation: 'approximate',
    resolveNeedsReply: true,
    resolveNeedsPhoto: true,
    active: true,
    sortOrder: 2,
    ...patch,
  };
}

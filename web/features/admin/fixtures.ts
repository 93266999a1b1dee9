import type { AdminCategory } from '../../../shared/schemas/admin';

// Test helper only: admin records with sensible defaults; tests override what they are about.

/** A category as the admin API lists it. */
export function adminCategory(patch: Partial<AdminCategory> = {}): AdminCategory {
  return {
    code: 'street_lighting',
    name: { vi: 'Đèn đường không sáng', en: 'Street light out' },
    group: 'infrastructure',
    groupName: { vi: 'Hạ tầng đô thị', en: 'Urban infrastructure' },
    icon: 'lightbulb',
    defaultPriority: 'normal',
    deadline: { value: 2, unit: 'working_days' },
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
    duplicateRadiusM: 50,
    duplicateDays: 14,
    reopenWindowDays: 7,
    autoDispatch: true,
    publicLocation: 'approximate',
    resolveNeedsReply: true,
    resolveNeedsPhoto: true,
    active: true,
    sortOrder: 2,
    ...patch,
  };
}

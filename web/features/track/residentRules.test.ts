import { describe, expect, it } from 'vitest';
import type { PublicReportView } from '../../../shared/schemas/reports';
import { canRate, canReopen } from './residentRules';

const now = Date.parse('2025-11-28T00:00:00Z');
const inWindow = '2025-12-01T00:00:00Z';
const expired = '2025-11-27T00:00:00Z';
const rating = { score: 5, comment: null, at: '2025-11-27T00:00:00Z' };

describe("a resident's own actions", () => {
  it.each<[PublicReportView['status'], string | null, string | null, boolean]>([
    ['resolved', inWindow, 'tok', true],
    ['resolved', inWindow, null, false],
    ['resolved', expired, 'tok', false],
    ['resolved', null, 'tok', false],
    ['closed', inWindow, 'tok', false],
    ['in_progress', inWindow, 'tok', false],
  ])('reopens a %s report (window until %s, token %s): %s', (status, reopenUntil, token, expected) => {
    expect(canReopen({ status, reopenUntil }, token, now)).toBe(expected);
  });

  it.each<[PublicReportView['status'], PublicReportView['rating'], string | null, boolean]>([
    ['resolved', null, 'tok', true],
    ['closed', null, 'tok', true],
    ['resolved', rating, 'tok', false],
    ['resolved', null, null, false],
    ['in_progress', null, 'tok', false],
    ['rejected', null, 'tok', false],
  ])('rates a %s report (rating %o, token %s): %s', (status, r, token, expected) => {
    expect(canRate({ status, rating: r }, token)).toBe(expected);
  });
});

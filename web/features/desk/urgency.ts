import { PRIORITIES } from '../../../shared/domain/channels';
import type { StaffReportView } from '../../../shared/schemas/reports';

/** Higher is more urgent. */
export const priorityRank = (r: Pick<StaffReportView, 'priority'>): number => PRIORITIES.indexOf(r.priority);

/** True when an open report has passed its deadline at `now`. */
export function isOverdue(r: Pick<StaffReportView, 'dueAt'>, now: number): boolean {
  return new Date(r.dueAt).getTime() < now;
}

/** Most urgent first: priority, then the earliest deadline, then the oldest report. */
export function byUrgency(a: StaffReportView, b: StaffReportView): number {
  return (
    priorityRank(b) - priorityRank(a) ||
    Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.id - b.id
  );
}

/** Lower case without diacritics, so "den duong" finds "Đèn đường". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
}

/** Matches a report against a free-text search (code, description, address, category, area). */
export function matchesSearch(r: StaffReportView, query: string): boolean {
  const q = foldText(query.trim());
  if (!q) return true;
  const text = [
    r.trackingCode,
    r.description,
    r.address ?? '',
    r.category.name.vi,
    r.category.name.en,
    r.area?.name ?? '',
  ];
  return foldText(text.join(' ')).includes(q);
}

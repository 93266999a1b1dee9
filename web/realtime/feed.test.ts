import { describe, expect, it } from 'vitest';
import { isOpenStatus } from '../../shared/domain/statuses';
import type { StaffReportView } from '../../shared/schemas/reports';
import { applyEvent, applyReport, fromSnapshot } from './feed';

const report = (id: number, patch: Partial<StaffReportView> = {}): StaffReportView => ({
  id,
  trackingCode: `PY-2611-${String(id).padStart(6, '0')}`,
  category: { code: 'street_lighting', name: { vi: 'Đèn đường không sáng', en: 'Street light out' } },
  status: 'received',
  priority: 'normal',
  channel: 'web',
  area: null,
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
  actions: ['dispatch', 'reject'],
  ...patch,
});
const keepOpen = (r: StaffReportView) => isOpenStatus(r.status);

describe('the live report feed', () => {
  const snapshot = fromSnapshot({ items: [report(1), report(2)], lastEventId: 10 }, keepOpen);

  it('ignores an event it already applied (a replay after resume)', () => {
    const after = applyEvent(
      snapshot,
      { eventId: 11, report: report(1, { status: 'assigned', version: 2 }) },
      keepOpen,
    );
    const replayed = applyEvent(
      after,
      { eventId: 11, report: report(1, { status: 'assigned', version: 2 }) },
      keepOpen,
    );
    expect(replayed).toBe(after);
    const older = applyEvent(after, { eventId: 9, report: report(2, { status: 'in_progress', version: 5 }) }, keepOpen);
    expect(older).toBe(after);
    expect(older.byId.get(2)?.status).toBe('received');
  });

  it('applies a newer event and remembers its id for the next resume', () => {
    const after = applyEvent(
      snapshot,
      { eventId: 12, report: report(2, { status: 'in_progress', version: 3 }) },
      keepOpen,
    );
    expect(after.byId.get(2)?.status).toBe('in_progress');
    expect(after.lastEventId).toBe(12);
  });

  it('adds a newly created report', () => {
    const after = applyEvent(snapshot, { eventId: 11, report: report(3) }, keepOpen);
    expect([...after.byId.keys()]).toEqual([1, 2, 3]);
  });

  it('drops a report that is no longer open', () => {
    const after = applyEvent(
      snapshot,
      { eventId: 11, report: report(1, { status: 'rejected', version: 2 }) },
      keepOpen,
    );
    expect(after.byId.has(1)).toBe(false);
  });

  it('never steps back to an older version already known from an HTTP answer', () => {
    const local = applyReport(snapshot, report(1, { status: 'in_progress', version: 3 }), keepOpen);
    const late = applyEvent(local, { eventId: 11, report: report(1, { status: 'assigned', version: 2 }) }, keepOpen);
    expect(late.byId.get(1)?.status).toBe('in_progress');
    expect(late.lastEventId).toBe(11);
  });

  it('keeps only what the screen wants from the snapshot', () => {
    const s = fromSnapshot({ items: [report(1), report(2, { status: 'closed' })], lastEventId: 4 }, keepOpen);
    expect([...s.byId.keys()]).toEqual([1]);
    expect(s.lastEventId).toBe(4);
  });
});

import { describe, expect, it } from 'vitest';
import { isOpenStatus } from '../../shared/domain/statuses';
import type { StaffReportView } from '../../shared/schemas/reports';
import { staffReport } from '../test/factories';
import { applyEvent, applyReport, fromSnapshot, type FeedData } from './feed';

const keepOpen = (r: StaffReportView) => isOpenStatus(r.status);
/** Applies the event `eventId`, carrying `report`, to a screen that keeps open reports. */
const apply = (data: FeedData, eventId: number, report: StaffReportView) =>
  applyEvent(data, { eventId, report }, keepOpen);

describe('the live report feed', () => {
  const snapshot = fromSnapshot({ items: [staffReport(1), staffReport(2)], lastEventId: 10 }, keepOpen);

  it('ignores an event it already applied (a replay after resume)', () => {
    const after = apply(snapshot, 11, staffReport(1, { status: 'assigned', version: 2 }));
    const replayed = apply(after, 11, staffReport(1, { status: 'assigned', version: 2 }));
    expect(replayed).toBe(after);
    const older = apply(after, 9, staffReport(2, { status: 'in_progress', version: 5 }));
    expect(older).toBe(after);
    expect(older.byId.get(2)?.status).toBe('received');
  });

  it('applies a newer event and remembers its id for the next resume', () => {
    const after = apply(snapshot, 12, staffReport(2, { status: 'in_progress', version: 3 }));
    expect(after.byId.get(2)?.status).toBe('in_progress');
    expect(after.lastEventId).toBe(12);
  });

  it('adds a newly created report', () => {
    const after = apply(snapshot, 11, staffReport(3));
    expect([...after.byId.keys()]).toEqual([1, 2, 3]);
  });

  it('drops a report that is no longer open', () => {
    const after = apply(snapshot, 11, staffReport(1, { status: 'rejected', version: 2 }));
    expect(after.byId.has(1)).toBe(false);
  });

  it('never steps back to an older version already known from an HTTP answer', () => {
    const local = applyReport(snapshot, staffReport(1, { status: 'in_progress', version: 3 }), keepOpen);
    const late = apply(local, 11, staffReport(1, { status: 'assigned', version: 2 }));
    expect(late.byId.get(1)?.status).toBe('in_progress');
    expect(late.lastEventId).toBe(11);
  });

  it('keeps only what the screen wants from the snapshot', () => {
    const s = fromSnapshot({ items: [staffReport(1), staffReport(2, { status: 'closed' })], lastEventId: 4 }, keepOpen);
    expect([...s.byId.keys()]).toEqual([1]);
    expect(s.lastEventId).toBe(4);
  });
});

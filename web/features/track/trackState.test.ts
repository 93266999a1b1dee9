import { describe, expect, it } from 'vitest';
import { publicReport } from '../../test/factories';
import { applyPublicEvent, fromView, isPublicView } from './trackState';

describe('following a report live', () => {
  it('starts from the newest timeline event of the HTTP view', () => {
    expect(fromView(publicReport()).lastEventId).toBe(7);
  });

  it('shows a newer status as soon as its event arrives', () => {
    const next = applyPublicEvent(fromView(publicReport()), {
      eventId: 9,
      report: publicReport({ status: 'assigned' }),
    });
    expect(next.report.status).toBe('assigned');
    expect(next.lastEventId).toBe(9);
  });

  it('ignores a replayed event it already reflects', () => {
    const state = applyPublicEvent(fromView(publicReport()), {
      eventId: 9,
      report: publicReport({ status: 'in_progress' }),
    });
    expect(applyPublicEvent(state, { eventId: 8, report: publicReport({ status: 'assigned' }) })).toBe(state);
    expect(applyPublicEvent(state, { eventId: 9, report: publicReport({ status: 'assigned' }) })).toBe(state);
  });

  it('ignores events about another report', () => {
    const state = fromView(publicReport());
    expect(applyPublicEvent(state, { eventId: 20, report: publicReport({ trackingCode: 'PY-2611-000999' }) })).toBe(
      state,
    );
  });

  it('tells the public projection from the staff one', () => {
    expect(isPublicView(publicReport())).toBe(true);
  });
});

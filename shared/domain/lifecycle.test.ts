import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition, REPORT_ACTIONS } from './lifecycle';
import { REPORT_STATUSES } from './statuses';
import type { ActorRole } from './roles';

const ROLES: ActorRole[] = ['resident', 'operator', 'staff', 'leader', 'admin', 'system'];

// Written out by hand from DOMAIN.md, independently of the table: "role action from".
const ALLOWED = new Set(
  `
operator dispatch received|operator dispatch reopened|admin dispatch received|admin dispatch reopened
operator reroute assigned|operator reroute in_progress|admin reroute assigned|admin reroute in_progress
staff acknowledge assigned|admin acknowledge assigned
staff start assigned|admin start assigned
staff resolve assigned|staff resolve in_progress|admin resolve assigned|admin resolve in_progress
staff hand_back assigned|staff hand_back in_progress
operator close resolved|admin close resolved|resident close resolved|system close resolved
operator reopen resolved|admin reopen resolved|resident reopen resolved
operator reject received|operator reject assigned|operator reject in_progress|operator reject reopened
admin reject received|admin reject assigned|admin reject in_progress|admin reject reopened
operator mark_duplicate received|operator mark_duplicate assigned|operator mark_duplicate in_progress|operator mark_duplicate reopened
admin mark_duplicate received|admin mark_duplicate assigned|admin mark_duplicate in_progress|admin mark_duplicate reopened`
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean),
);

const cases = ROLES.flatMap((role) =>
  REPORT_ACTIONS.flatMap((action) => REPORT_STATUSES.map((from) => ({ role, action, from }))),
);

describe('the report lifecycle', () => {
  it.each(cases)('$role may $action a $from report only if the domain allows it', ({ role, action, from }) => {
    const allowed = ALLOWED.has(`${role} ${action} ${from}`);
    expect(checkTransition(action, from, role) === null).toBe(allowed);
  });

  it('lets leaders change nothing', () => {
    for (const status of REPORT_STATUSES) expect(availableActions(status, 'leader')).toEqual([]);
  });

  it('leaves closed, rejected and duplicate reports with no way forward for anyone', () => {
    for (const status of ['closed', 'rejected', 'duplicate'] as const) {
      for (const role of ROLES) expect(availableActions(status, role)).toEqual([]);
    }
  });

  it('says whether the role or the status is the obstacle', () => {
    expect(checkTransition('resolve', 'received', 'leader')).toBe('role_not_allowed');
    expect(checkTransition('resolve', 'received', 'staff')).toBe('status_not_allowed');
  });
});

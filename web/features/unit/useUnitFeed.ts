import { useState } from 'react';
import { LIMITS } from '../../../shared/domain/limits';
import type { ReportListQuery } from '../../api/endpoints';
import type { KeepReport } from '../../realtime/feed';
import { useStaffFeed } from '../../realtime/useStaffFeed';
import { useNow } from '../../ui/useNow';
import { useSession } from '../auth/useSession';
import { unitKeep } from './unitTabs';

// The server scopes a unit's staff and leader to the unit; the list asks for everything they may see.
const QUERY: ReportListQuery = { limit: LIMITS.listPageMax };

/** The signed-in unit member, their unit's live reports (kept while they are the unit's), and a clock. */
export function useUnitFeed() {
  const { user } = useSession();
  const unitId = user?.unit?.id;
  const [keep] = useState<KeepReport>(() => unitKeep(unitId));
  const feed = useStaffFeed(QUERY, keep);
  const now = useNow(30_000);
  return { user, feed, now };
}

import { useSyncExternalStore } from 'react';
import { onMyReportsChange, tokenFor } from '../device/myReports';

/** The token this device holds for a report (null: it neither filed nor followed it), kept current. */
export function useResidentToken(code: string): string | null {
  return useSyncExternalStore(
    onMyReportsChange,
    () => tokenFor(code),
    () => null,
  );
}

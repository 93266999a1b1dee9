import { useState } from 'react';

/** What a keyboard shortcut asks of the open report's panel. */
export type PanelCommandName = 'dispatch' | 'reject' | 'priority' | 'note' | 'cancel';

/** One request to the panel; `seq` makes pressing the same key twice count twice. */
export interface PanelCommand {
  name: PanelCommandName;
  reportId: number;
  seq: number;
}

/**
 * Runs `handle` once per new command for this report, while rendering (React's "adjust state when a
 * prop changes" pattern): `handle` may only set state.
 */
export function usePanelCommand(
  command: PanelCommand | undefined,
  reportId: number,
  handle: (name: PanelCommandName) => void,
): void {
  const [seen, setSeen] = useState<number | undefined>(undefined);
  if (command && command.reportId === reportId && command.seq !== seen) {
    setSeen(command.seq);
    handle(command.name);
  }
}

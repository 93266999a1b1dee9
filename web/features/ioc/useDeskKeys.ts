import { useRef, useState } from 'react';
import type { StaffReportView } from '../../../shared/schemas/reports';
import type { PanelCommand, PanelCommandName } from '../desk/commands';
import { stepCursor } from './shortcuts';
import { useDeskShortcuts } from './useDeskShortcuts';

const rowSelector = (code: string) => `.desk-queue [data-testid="queue-row"][data-tracking-code="${CSS.escape(code)}"]`;

/**
 * The desk's selection and keyboard: the selected report, the j/k cursor (which takes the focus, so
 * Enter opens it), commands for the panel (d, r, p, n, Esc), the help overlay and the caller form.
 */
export function useDeskKeys(order: readonly StaffReportView[]) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [cursorId, setCursorId] = useState<number | null>(null);
  const [command, setCommand] = useState<PanelCommand | undefined>(undefined);
  const [help, setHelp] = useState(false);
  const [caller, setCaller] = useState(false);
  const seq = useRef(0);

  const select = (id: number | null) => {
    setSelectedId(id);
    setCommand(undefined);
    if (id !== null) {
      setCursorId(id);
      setCaller(false);
    }
  };
  const send = (name: PanelCommandName, reportId: number) => {
    if (selectedId !== reportId) select(reportId);
    seq.current += 1;
    setCommand({ name, reportId, seq: seq.current });
  };

  useDeskShortcuts((cmd, event) => {
    const target = event.target instanceof Element ? event.target : null;
    switch (cmd) {
      case 'help':
        setHelp((h) => !h);
        return true;
      case 'close':
        if (help) setHelp(false);
        else if (selectedId !== null && target?.closest('.report-panel form')) send('cancel', selectedId);
        else if (caller) setCaller(false);
        else if (selectedId !== null) select(null);
        else return false;
        return true;
      case 'next':
      case 'prev': {
        const ids = order.map((r) => r.id);
        const id = stepCursor(ids, cursorId ?? selectedId, cmd === 'next' ? 1 : -1);
        if (id === null) return false;
        setCursorId(id);
        const code = order.find((r) => r.id === id)?.trackingCode;
        if (code) document.querySelector<HTMLElement>(rowSelector(code))?.focus();
        return true;
      }
      case 'open':
        if (cursorId === null) return false;
        select(cursorId);
        return true;
      default: {
        const id = selectedId ?? cursorId;
        if (id === null || help) return false;
        send(cmd, id);
        return true;
      }
    }
  });

  return {
    selectedId,
    cursorId,
    command,
    help,
    setHelp,
    caller,
    select,
    openCaller: () => {
      select(null);
      setCaller(true);
    },
    closeCaller: () => setCaller(false),
  };
}

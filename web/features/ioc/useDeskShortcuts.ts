import { useEffect, useEffectEvent } from 'react';
import { commandFor, type DeskCommand } from './shortcuts';

/**
 * Listens for the desk's keyboard shortcuts on the whole page. `handle` answers true when it used the
 * key (the browser's own action is then prevented).
 */
export function useDeskShortcuts(handle: (command: DeskCommand, event: KeyboardEvent) => boolean): void {
  const run = useEffectEvent(handle);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const command = commandFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: e.target as HTMLElement | null,
      });
      if (command && run(command, e)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

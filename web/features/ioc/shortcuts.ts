import type { MessageKey } from '../../i18n';

/** What a key on the IOC desk asks for. */
export type DeskCommand = 'next' | 'prev' | 'open' | 'dispatch' | 'reject' | 'priority' | 'note' | 'close' | 'help';

/** The desk's shortcuts, as the "?" overlay lists them. */
export const SHORTCUTS: readonly { keys: string; command: DeskCommand; label: MessageKey }[] = [
  { keys: 'j', command: 'next', label: 'shortcut.next' },
  { keys: 'k', command: 'prev', label: 'shortcut.prev' },
  { keys: 'Enter', command: 'open', label: 'shortcut.open' },
  { keys: 'd', command: 'dispatch', label: 'shortcut.dispatch' },
  { keys: 'r', command: 'reject', label: 'shortcut.reject' },
  { keys: 'p', command: 'priority', label: 'shortcut.priority' },
  { keys: 'n', command: 'note', label: 'shortcut.note' },
  { keys: 'Esc', command: 'close', label: 'shortcut.close' },
  { keys: '?', command: 'help', label: 'shortcut.help' },
];

const LETTERS: Record<string, DeskCommand> = {
  j: 'next',
  k: 'prev',
  d: 'dispatch',
  r: 'reject',
  p: 'priority',
  n: 'note',
  '?': 'help',
};

/** The part of a keyboard event the shortcuts look at. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key went to. */
  target?: { tagName?: string; isContentEditable?: boolean } | null;
}

const TYPING = ['INPUT', 'TEXTAREA', 'SELECT'];
const ACTIVATES = [...TYPING, 'BUTTON', 'A', 'SUMMARY'];

/**
 * The desk command for a key, or null. Letters never fire while typing in a field or with a modifier
 * (browser and screen-reader keys stay theirs); Enter only when it would not press a focused control;
 * Escape always.
 */
export function commandFor(e: KeyLike): DeskCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = e.target?.tagName?.toUpperCase() ?? '';
  if (e.key === 'Escape') return 'close';
  if (e.key === 'Enter') return ACTIVATES.includes(tag) || e.target?.isContentEditable ? null : 'open';
  if (TYPING.includes(tag) || e.target?.isContentEditable) return null;
  return LETTERS[e.key.length === 1 ? e.key.toLowerCase() : ''] ?? null;
}

/** The report the cursor moves to: the next or previous in the queue's order, staying at the ends. */
export function stepCursor(ids: readonly number[], current: number | null, step: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at === -1) return step === 1 ? ids[0]! : ids[ids.length - 1]!;
  return ids[Math.max(0, Math.min(ids.length - 1, at + step))]!;
}

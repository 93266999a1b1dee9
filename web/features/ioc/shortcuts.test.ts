import { describe, expect, it } from 'vitest';
import { commandFor, SHORTCUTS, stepCursor } from './shortcuts';

const on = (tagName: string) => ({ tagName });

describe('desk keyboard shortcuts', () => {
  it.each([
    ['j', 'next'],
    ['k', 'prev'],
    ['d', 'dispatch'],
    ['r', 'reject'],
    ['p', 'priority'],
    ['n', 'note'],
    ['?', 'help'],
    ['Escape', 'close'],
    ['Enter', 'open'],
  ])('maps %s to %s on the page', (key, command) => {
    expect(commandFor({ key, target: on('BODY') })).toBe(command);
  });

  it('leaves letters alone while typing in a field', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(commandFor({ key: 'd', target: on(tag) })).toBeNull();
    expect(commandFor({ key: 'n', target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
  });

  it('still closes with Escape from inside a field', () => {
    expect(commandFor({ key: 'Escape', target: on('TEXTAREA') })).toBe('close');
  });

  it('lets Enter press a focused button or link instead of opening', () => {
    expect(commandFor({ key: 'Enter', target: on('BUTTON') })).toBeNull();
    expect(commandFor({ key: 'Enter', target: on('A') })).toBeNull();
  });

  it('ignores keys with a modifier (browser and screen-reader keys)', () => {
    expect(commandFor({ key: 'r', ctrlKey: true, target: on('BODY') })).toBeNull();
    expect(commandFor({ key: 'd', metaKey: true, target: on('BODY') })).toBeNull();
    expect(commandFor({ key: 'j', altKey: true, target: on('BODY') })).toBeNull();
    expect(commandFor({ key: 'x', target: on('BODY') })).toBeNull();
  });

  it('documents every command in the help overlay', () => {
    const listed = new Set(SHORTCUTS.map((s) => s.command));
    for (const c of ['next', 'prev', 'open', 'dispatch', 'reject', 'priority', 'note', 'close', 'help'])
      expect(listed.has(c as never), c).toBe(true);
  });

  it('moves the cursor down and up the queue, staying at the ends', () => {
    const ids = [5, 7, 9];
    expect(stepCursor(ids, null, 1)).toBe(5);
    expect(stepCursor(ids, null, -1)).toBe(9);
    expect(stepCursor(ids, 5, 1)).toBe(7);
    expect(stepCursor(ids, 9, 1)).toBe(9);
    expect(stepCursor(ids, 5, -1)).toBe(5);
    expect(stepCursor(ids, 42, 1)).toBe(5);
    expect(stepCursor([], null, 1)).toBeNull();
  });
});

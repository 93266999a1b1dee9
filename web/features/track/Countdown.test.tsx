// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { Countdown } from './Countdown';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the live countdown', () => {
  it('moves on every minute, and turns into "overdue" when the deadline passes', () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T00:00:00Z') });
    renderWithApp(<Countdown dueAt="2025-11-27T00:02:00Z" />);
    const el = screen.getByTestId('countdown');
    expect(el.textContent).toBe('còn 2 phút');
    act(() => vi.advanceTimersByTime(60_000));
    expect(el.textContent).toBe('còn 1 phút');
    act(() => vi.advanceTimersByTime(2 * 60_000));
    expect(el.textContent).toBe('quá hạn 1 phút');
    expect(el.getAttribute('data-overdue')).toBe('true');
  });
});

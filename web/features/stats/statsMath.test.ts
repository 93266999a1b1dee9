import { describe, expect, it } from 'vitest';
import {
  changeArrow,
  changeTone,
  formatCount,
  formatDelta,
  formatMinutes,
  formatRate,
  formatScore,
  rangeFor,
} from './statsMath';

describe('leaders statistics: formatting', () => {
  it('shows "—" instead of a rate without a sample, and rates the Vietnamese way', () => {
    expect(formatRate(null, 'vi')).toBe('—');
    expect(formatRate(0.87, 'en')).toBe('87%');
    expect(formatRate(0.5, 'vi')).toBe('50 %');
    expect(formatRate(0.875, 'vi')).toBe('87,5 %');
  });

  it('groups thousands with a dot in Vietnamese', () => {
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatScore(4.25, 'vi')).toBe('4,3');
  });

  it('writes times to resolve as a person reads them', () => {
    expect(formatMinutes(null, 'vi')).toBe('—');
    expect(formatMinutes(45, 'vi')).toBe('45 phút');
    expect(formatMinutes(200, 'vi')).toBe('3 giờ 20 phút');
    expect(formatMinutes(180, 'vi')).toBe('3 giờ');
    expect(formatMinutes(52 * 60, 'vi')).toBe('2 ngày 4 giờ');
    expect(formatMinutes(3 * 24 * 60 + 10, 'vi')).toBe('3 ngày');
    expect(formatMinutes(200, 'en')).toBe('3 h 20 min');
    expect(formatMinutes(52 * 60, 'en')).toBe('2 d 4 h');
  });

  it('colours a change by what it means for the figure', () => {
    // Higher on-time rate: good; more backlog: bad; more reports received: neither.
    expect(changeTone(0.05, 'up')).toBe('good');
    expect(changeTone(-0.05, 'up')).toBe('bad');
    expect(changeTone(12, 'down')).toBe('bad');
    expect(changeTone(-12, 'down')).toBe('good');
    expect(changeTone(12, 'neutral')).toBe('neutral');
    expect(changeTone(0, 'up')).toBe('none');
    expect(changeTone(null, 'up')).toBe('none');
    expect(changeArrow(3)).toBe('▲');
    expect(changeArrow(-3)).toBe('▼');
    expect(changeArrow(null)).toBe('');
  });

  it('signs changes in the figure’s unit', () => {
    expect(formatDelta(12, 'count', 'vi')).toBe('+12');
    expect(formatDelta(-1500, 'count', 'vi')).toBe('−1.500');
    expect(formatDelta(0.025, 'rate', 'vi')).toBe('+2,5 điểm %');
    expect(formatDelta(-0.1, 'rate', 'en')).toBe('−10 pts');
    expect(formatDelta(-65, 'minutes', 'vi')).toBe('−1 giờ 5 phút');
    expect(formatDelta(null, 'count', 'vi')).toBe('—');
  });

  it('asks for the last N days up to now (the unit leader’s picker)', () => {
    const now = Date.parse('2025-11-30T00:00:00Z');
    expect(rangeFor(7, now)).toEqual({ from: '2025-11-23T00:00:00.000Z', to: '2025-11-30T00:00:00.000Z' });
  });
});

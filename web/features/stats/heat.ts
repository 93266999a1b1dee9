/** Light yellow to dark red: five steps of a sequential scale readable in grey too. */
export const HEAT_SCALE = ['#fff3b0', '#fdc46a', '#f6893b', '#dc4a22', '#9f1d13'] as const;

/** The colour of a cell with `count` reports when the busiest has `max` (square-root scale, so few-report cells still show). */
export function heatColor(count: number, max: number): string {
  if (max <= 0 || count <= 0) return HEAT_SCALE[0];
  const t = Math.sqrt(Math.min(1, count / max));
  const i = Math.min(HEAT_SCALE.length - 1, Math.floor(t * HEAT_SCALE.length));
  return HEAT_SCALE[i]!;
}

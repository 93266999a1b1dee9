/**
 * The heat map's grid. Reports are counted on a fixed grid of 0.005° (about 550 m north-south and
 * 540 m east-west at Vietnam's latitudes: a few blocks, fine enough to show a street's problem and
 * coarse enough that one house is never singled out). The grid is fixed rather than derived from the
 * span of the data so a cell means the same place from one period or filter to the next and a leader
 * can compare two maps. Only when a period holds more than `maxCells` distinct cells (a whole
 * province) is it coarsened, by merging 2x2 blocks until it fits: the answer stays bounded.
 */

/** Cells per degree of the finest grid (1 / 0.005°). */
export const HEAT_STEPS_PER_DEG = 200;
/** Most cells one answer carries before the grid is coarsened. */
export const HEAT_MAX_CELLS = 10_000;

/** A count on the finest grid: `y` = floor(lat * 200), `x` = floor(lng * 200). */
export interface GridCount {
  y: number;
  x: number;
  n: number;
}

/** Counts on a grid of `cellDeg`: cells are [south-west lat, south-west lng, count], south to north, west to east. */
export interface BinnedHeatmap {
  cellDeg: number;
  cells: [number, number, number][];
  max: number;
  total: number;
}

/** Bins fine-grid counts into at most `maxCells` cells (merging 2x2 blocks as often as needed). */
export function binHeatmap(rows: readonly GridCount[], maxCells = HEAT_MAX_CELLS): BinnedHeatmap {
  let k = 1;
  let merged = mergeBy(rows, k);
  while (merged.size > maxCells) {
    k *= 2;
    merged = mergeBy(rows, k);
  }
  const cells = [...merged.values()]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((c): [number, number, number] => [(c.y * k) / HEAT_STEPS_PER_DEG, (c.x * k) / HEAT_STEPS_PER_DEG, c.n]);
  return {
    cellDeg: k / HEAT_STEPS_PER_DEG,
    cells,
    max: cells.reduce((m, c) => Math.max(m, c[2]), 0),
    total: cells.reduce((s, c) => s + c[2], 0),
  };
}

function mergeBy(rows: readonly GridCount[], k: number): Map<string, GridCount> {
  const out = new Map<string, GridCount>();
  for (const r of rows) {
    const y = Math.floor(r.y / k);
    const x = Math.floor(r.x / k);
    const key = `${y},${x}`;
    const c = out.get(key);
    if (c) c.n += r.n;
    else out.set(key, { y, x, n: r.n });
  }
  return out;
}

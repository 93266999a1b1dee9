import { describe, expect, it } from 'vitest';
import { binHeatmap } from './heatmap';

describe('binHeatmap', () => {
  it('keeps the 0.005° grid, cells south to north then west to east', () => {
    const map = binHeatmap([
      { y: 2616, x: 21867, n: 3 },
      { y: 2612, x: 21854, n: 2 },
      { y: 2614, x: 21864, n: 4 },
    ]);
    expect(map).toEqual({
      cellDeg: 0.005,
      cells: [
        [13.06, 109.27, 2],
        [13.07, 109.32, 4],
        [13.08, 109.335, 3],
      ],
      max: 4,
      total: 9,
    });
  });

  it('merges 2x2 blocks until the cells fit, keeping every report and south-west corners', () => {
    // Four neighbours in one 0.01° block, one far away, one west of Greenwich and south of the equator.
    const rows = [
      { y: 2614, x: 21864, n: 1 },
      { y: 2615, x: 21864, n: 2 },
      { y: 2614, x: 21865, n: 3 },
      { y: 2615, x: 21865, n: 4 },
      { y: 2700, x: 21900, n: 5 },
      { y: -3, x: -5, n: 6 },
    ];
    const map = binHeatmap(rows, 3);
    expect(map.cellDeg).toBe(0.01);
    expect(map.cells).toEqual([
      [-0.02, -0.03, 6], // floor(-3 / 2) = -2, floor(-5 / 2) = -3
      [13.07, 109.32, 10],
      [13.5, 109.5, 5],
    ]);
    expect(map.total).toBe(21);
    expect(binHeatmap(rows, 1)).toMatchObject({ cells: [[expect.any(Number), expect.any(Number), 21]], total: 21 });
  });

  it('answers an empty grid without data', () => {
    expect(binHeatmap([])).toEqual({ cellDeg: 0.005, cells: [], max: 0, total: 0 });
  });
});

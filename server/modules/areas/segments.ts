import Flatbush from 'flatbush';
import { orient2d } from 'robust-predicates';

// Segment geometry for the ring checks: exact contact tests and a near-pair search.

/** How two segments meet. */
export const NONE = 0,
  CROSS = 1,
  TOUCH = 2,
  OVERLAP = 3;

/**
 * How two segments meet, with exact orientation tests (no rounding error decides validity):
 * NONE, CROSS (interiors cross), TOUCH (they share just a point) or OVERLAP (collinear, sharing a length).
 */
export function segmentContact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): number {
  const o1 = orient2d(ax, ay, bx, by, cx, cy);
  const o2 = orient2d(ax, ay, bx, by, dx, dy);
  if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return NONE;
  const o3 = orient2d(cx, cy, dx, dy, ax, ay);
  const o4 = orient2d(cx, cy, dx, dy, bx, by);
  if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return NONE;
  if (o1 === 0 && o2 === 0) {
    // Collinear: compare the projections on an axis along which the segment is not constant.
    const useX = ax !== bx;
    const a0 = useX ? Math.min(ax, bx) : Math.min(ay, by);
    const a1 = useX ? Math.max(ax, bx) : Math.max(ay, by);
    const c0 = useX ? Math.min(cx, dx) : Math.min(cy, dy);
    const c1 = useX ? Math.max(cx, dx) : Math.max(cy, dy);
    const lo = Math.max(a0, c0),
      hi = Math.min(a1, c1);
    return lo < hi ? OVERLAP : lo === hi ? TOUCH : NONE;
  }
  return o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0 ? TOUCH : CROSS;
}

/** Roughly where two segments meet, for the message. */
export function contactPoint(s: number[], t: number[]): [number, number] {
  const [ax, ay, bx, by] = s as [number, number, number, number];
  const [cx, cy, dx, dy] = t as [number, number, number, number];
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (den !== 0) {
    const u = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    if (u >= 0 && u <= 1) return [ax + u * (bx - ax), ay + u * (by - ay)];
  }
  // Collinear: one of the four ends lies on the other segment.
  for (const [px, py, q] of [
    [cx, cy, s],
    [dx, dy, s],
    [ax, ay, t],
    [bx, by, t],
  ] as [number, number, number[]][]) {
    if (
      px >= Math.min(q[0]!, q[2]!) &&
      px <= Math.max(q[0]!, q[2]!) &&
      py >= Math.min(q[1]!, q[3]!) &&
      py <= Math.max(q[1]!, q[3]!)
    )
      return [px, py];
  }
  return [cx, cy];
}

/**
 * Calls `visit(i, j)` (i < j) for every pair of segments whose bounding boxes meet, until it returns
 * true. Segments are `boxes` [minX, minY, maxX, maxY] x n. A uniform grid of about n cells does it in
 * about linear time with no allocation per segment (a ring of thousands of vertices, thousands of
 * times); when the vertices crowd into few cells, a packed R-tree (Flatbush) keeps it n log n.
 */
export function forEachNearPair(boxes: Float64Array, n: number, visit: (i: number, j: number) => boolean): void {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let s = 0; s < n; s++) {
    minX = Math.min(minX, boxes[s * 4]!);
    minY = Math.min(minY, boxes[s * 4 + 1]!);
    maxX = Math.max(maxX, boxes[s * 4 + 2]!);
    maxY = Math.max(maxY, boxes[s * 4 + 3]!);
  }
  const w = maxX - minX || 1e-9,
    h = maxY - minY || 1e-9;
  const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * w) / h))));
  const rows = Math.max(1, Math.min(n, Math.ceil(n / cols)));
  const cw = w / cols,
    ch = h / rows;
  const col = (x: number) => Math.min(cols - 1, Math.floor((x - minX) / cw));
  const row = (y: number) => Math.min(rows - 1, Math.floor((y - minY) / ch));
  const cells = cols * rows;
  const start = new Int32Array(cells + 1);
  for (let s = 0; s < n; s++) {
    const c0 = col(boxes[s * 4]!),
      c1 = col(boxes[s * 4 + 2]!),
      r1 = row(boxes[s * 4 + 3]!);
    for (let r = row(boxes[s * 4 + 1]!); r <= r1; r++) for (let c = c0; c <= c1; c++) start[r * cols + c + 1]!++;
  }
  let work = 0;
  for (let c = 0; c < cells; c++) {
    const k = start[c + 1]!;
    work += (k * (k - 1)) / 2;
    start[c + 1] = k + start[c]!;
  }
  if (work > 64 * n + 4096) return forEachNearPairTree(boxes, n, visit);
  const items = new Int32Array(start[cells]!);
  const next = start.slice(0, cells);
  for (let s = 0; s < n; s++) {
    const c0 = col(boxes[s * 4]!),
      c1 = col(boxes[s * 4 + 2]!),
      r1 = row(boxes[s * 4 + 3]!);
    for (let r = row(boxes[s * 4 + 1]!); r <= r1; r++) for (let c = c0; c <= c1; c++) items[next[r * cols + c]!++] = s;
  }
  for (let cell = 0; cell < cells; cell++) {
    const end = start[cell + 1]!;
    for (let p = start[cell]!; p < end; p++) {
      const a = items[p]!;
      const ax0 = boxes[a * 4]!,
        ay0 = boxes[a * 4 + 1]!,
        ax1 = boxes[a * 4 + 2]!,
        ay1 = boxes[a * 4 + 3]!;
      for (let q = p + 1; q < end; q++) {
        const b = items[q]!;
        const bx0 = boxes[b * 4]!,
          by0 = boxes[b * 4 + 1]!;
        if (bx0 > ax1 || by0 > ay1 || boxes[b * 4 + 2]! < ax0 || boxes[b * 4 + 3]! < ay0) continue;
        // A pair sharing several cells is visited once: in the cell of its overlap's lower-left corner.
        if (row(Math.max(ay0, by0)) * cols + col(Math.max(ax0, bx0)) !== cell) continue;
        if (visit(a, b)) return;
      }
    }
  }
}

function forEachNearPairTree(boxes: Float64Array, n: number, visit: (i: number, j: number) => boolean): void {
  const tree = new Flatbush(n);
  for (let s = 0; s < n; s++) tree.add(boxes[s * 4]!, boxes[s * 4 + 1]!, boxes[s * 4 + 2]!, boxes[s * 4 + 3]!);
  tree.finish();
  let stop = false;
  for (let i = 0; i < n && !stop; i++) {
    tree.search(boxes[i * 4]!, boxes[i * 4 + 1]!, boxes[i * 4 + 2]!, boxes[i * 4 + 3]!, (j) => {
      if (!stop && j > i) stop = visit(i, j);
      return false;
    });
  }
}

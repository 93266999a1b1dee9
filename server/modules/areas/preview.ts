import { bboxOf } from '../../domain/geo-index';
import type { CheckedFeature } from './area-features';
import { simplifyForPreview } from './simplify';

/** Vertices in a whole preview, and at most per feature: small enough for a phone on a slow network. */
const PREVIEW_VERTICES = 20_000;
const PREVIEW_FEATURE_VERTICES = 300;

/**
 * The features as a light FeatureCollection for the preview map (phone-sized in total), each with
 * `{ index, code, name, action: 'replace' | 'add' | null, problems }`; invalid shapes are drawn too.
 */
export function previewCollection(features: CheckedFeature[], replaced: Set<string>): unknown {
  const budget = Math.max(8, Math.min(PREVIEW_FEATURE_VERTICES, Math.floor(PREVIEW_VERTICES / features.length)));
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const f of features) {
    if (!f.shape) continue;
    const [a, b, c, d] = bboxOf(f.shape);
    minX = Math.min(minX, a);
    minY = Math.min(minY, b);
    maxX = Math.max(maxX, c);
    maxY = Math.max(maxY, d);
  }
  // About a pixel of a phone-wide map of the whole file.
  const tolerance = Number.isFinite(minX) ? Math.hypot(maxX - minX, maxY - minY) / 2000 : 0;
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: {
        index: f.index,
        code: f.code,
        name: f.nameVi,
        action: f.code === null ? null : replaced.has(f.code) ? 'replace' : 'add',
        problems: f.problems,
      },
      geometry: f.shape ? simplifyForPreview(f.shape, budget, tolerance) : null,
    })),
  };
}

import type { AreaGeometry } from '../../domain/geo-index';
import { checkGeometry } from './geometry-checks';

/** One problem that stops an import: the feature (null for the file as a whole), its code when known. */
export interface AreaProblem {
  feature: number | null;
  code?: string;
  /** Dotted path in the file, e.g. `features.12.geometry.coordinates.0.5`. */
  path: string;
  message: string;
}

/** Which properties hold each area's code and names. */
export interface PropertyChoice {
  codeProperty?: string;
  nameProperty?: string;
  nameEnProperty?: string;
}

/** A feature after checking: its cleaned geometry (null when it has a geometry problem) and its values. */
export interface CheckedFeature {
  index: number;
  geometry: AreaGeometry | null;
  /** What could be read of the geometry, valid or not (for the preview map). */
  shape: AreaGeometry | null;
  /** The valid geometry as stored (JSON text), when asked for (`serialise`). */
  geometryText: string | null;
  vertices: number;
  code: string | null;
  nameVi: string | null;
  nameEn: string | null;
  problems: number;
}

/** The outcome of checking every feature. */
export interface CheckedCollection {
  features: CheckedFeature[];
  /** Every problem, file order, feature-level ones included. */
  problems: AreaProblem[];
  /** Property names seen, in first-seen order, with up to 3 distinct example values. */
  properties: { name: string; examples: string[] }[];
}

const CODE_MAX = 100;
const NAME_MAX = 200;
const PER_FEATURE_GEOMETRY_PROBLEMS = 5;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 32) return true;
  return false;
}

/** A property value as text: strings trimmed and NFC-normalised (one form of each Vietnamese letter), numbers as written. */
export function propertyText(value: unknown): string | null {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Checks features one at a time (a generator, so a caller can report progress or yield to the event
 * loop between them): geometry validity, the chosen code and name properties present and non-empty,
 * codes unique in the file. Returns everything found; nothing is written.
 */
export function* checkFeatures(
  raw: unknown[],
  choice: PropertyChoice,
  options: { serialise?: boolean } = {},
): Generator<number, CheckedCollection, void> {
  const features: CheckedFeature[] = [];
  const problems: AreaProblem[] = [];
  const props = new Map<string, Set<string>>();
  const missing = new Map<string, number[]>();
  const firstIndexOfCode = new Map<string, number>();
  const noteMissing = (prop: string, index: number) => {
    const list = missing.get(prop) ?? [];
    list.push(index);
    missing.set(prop, list);
  };

  for (let index = 0; index < raw.length; index++) {
    const f = raw[index];
    const base = `features.${index}`;
    const checked: CheckedFeature = {
      index,
      geometry: null,
      shape: null,
      geometryText: null,
      vertices: 0,
      code: null,
      nameVi: null,
      nameEn: null,
      problems: 0,
    };
    features.push(checked);
    const add = (path: string, message: string) => {
      problems.push({ feature: index, ...(checked.code ? { code: checked.code } : {}), path, message });
      checked.problems++;
    };
    if (f === null || typeof f !== 'object' || Array.isArray(f) || (f as { type?: unknown }).type !== 'Feature') {
      add(base, 'is not a GeoJSON Feature ({"type": "Feature", "geometry": …, "properties": …})');
      yield index + 1;
      continue;
    }
    const feature = f as { properties?: unknown; geometry?: unknown };
    const properties =
      feature.properties && typeof feature.properties === 'object' && !Array.isArray(feature.properties)
        ? (feature.properties as Record<string, unknown>)
        : {};
    for (const [name, value] of Object.entries(properties)) {
      let examples = props.get(name);
      if (!examples) props.set(name, (examples = new Set()));
      const text = propertyText(value);
      if (examples.size < 3 && text) examples.add(text.slice(0, 80));
    }

    if (choice.codeProperty) {
      const code = propertyText(properties[choice.codeProperty]);
      const path = `${base}.properties.${choice.codeProperty}`;
      if (!code) {
        if (properties[choice.codeProperty] === undefined) noteMissing(choice.codeProperty, index);
        else add(path, `the code property "${choice.codeProperty}" is empty or not text/a number`);
      } else if (code.length > CODE_MAX || hasControlCharacter(code)) {
        add(path, `the code "${code.slice(0, 40)}…" is longer than ${CODE_MAX} characters or has control characters`);
      } else {
        checked.code = code;
        const first = firstIndexOfCode.get(code);
        if (first === undefined) firstIndexOfCode.set(code, index);
        else add(path, `the code "${code}" is also used by feature ${first + 1}; codes must be unique in the file`);
      }
    }
    if (choice.nameProperty) {
      const name = propertyText(properties[choice.nameProperty]);
      const path = `${base}.properties.${choice.nameProperty}`;
      if (!name) {
        if (properties[choice.nameProperty] === undefined) noteMissing(choice.nameProperty, index);
        else add(path, `the name property "${choice.nameProperty}" is empty or not text`);
      } else if (name.length > NAME_MAX) add(path, `the name is longer than ${NAME_MAX} characters`);
      else checked.nameVi = name;
    }
    if (choice.nameEnProperty) {
      // An English name is optional per area: without one, the Vietnamese name is used.
      const nameEn = propertyText(properties[choice.nameEnProperty]);
      if (nameEn && nameEn.length > NAME_MAX)
        add(`${base}.properties.${choice.nameEnProperty}`, `the English name is longer than ${NAME_MAX} characters`);
      else if (nameEn) checked.nameEn = nameEn;
    }

    const g = checkGeometry(feature.geometry, PER_FEATURE_GEOMETRY_PROBLEMS);
    checked.geometry = g.geometry;
    checked.shape = g.shape;
    // Serialised here, a feature at a time, so the write transaction only inserts text.
    if (options.serialise && g.geometry && checked.problems === 0) checked.geometryText = JSON.stringify(g.geometry);
    checked.vertices = g.vertices;
    for (const p of g.problems) add(p.path ? `${base}.geometry.${p.path}` : `${base}.geometry`, p.message);
    yield index + 1;
  }

  const found = [...props.keys()];
  for (const [prop, indexes] of missing) {
    if (indexes.length === raw.length && raw.length > 1) {
      problems.push({
        feature: null,
        path: `features.*.properties.${prop}`,
        message: `no feature has the property "${prop}"; the properties found are ${found.length ? found.map((p) => `"${p}"`).join(', ') : 'none'}`,
      });
      continue;
    }
    for (const index of indexes) {
      const feature = features[index]!;
      feature.problems++;
      problems.push({
        feature: index,
        ...(feature.code ? { code: feature.code } : {}),
        path: `features.${index}.properties.${prop}`,
        message: `the property "${prop}" is missing`,
      });
    }
  }
  problems.sort((a, b) => (a.feature ?? -1) - (b.feature ?? -1));
  return {
    features,
    problems,
    properties: found.map((name) => ({ name, examples: [...props.get(name)!] })),
  };
}

/** Runs the checks to the end, synchronously, calling `onProgress(done, total)` now and then. */
export function checkFeaturesSync(
  raw: unknown[],
  choice: PropertyChoice,
  options: { serialise?: boolean; onProgress?: (done: number, total: number) => void } = {},
): CheckedCollection {
  const { onProgress } = options;
  const steps = checkFeatures(raw, choice, options);
  let last = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (onProgress && Date.now() - last >= 200) {
      last = Date.now();
      onProgress(step.value, raw.length);
    }
  }
}

/** Runs the checks giving the event loop a turn every ~20 ms, so a big file does not stall other requests. */
export async function checkFeaturesAsync(
  raw: unknown[],
  choice: PropertyChoice,
  options: { serialise?: boolean } = {},
): Promise<CheckedCollection> {
  const steps = checkFeatures(raw, choice, options);
  let slice = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - slice >= 20) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = Date.now();
    }
  }
}

const CODE_NAMES = [
  'code',
  'ma',
  'ma_xa',
  'maxa',
  'ma_phuong',
  'ma_px',
  'ma_dvhc',
  'madvhc',
  'ma_hc',
  'ward_code',
  'commune_code',
  'id_xa',
];
const NAME_NAMES = [
  'name',
  'name_vi',
  'ten',
  'ten_xa',
  'tenxa',
  'ten_phuong',
  'ten_px',
  'ten_dvhc',
  'tendvhc',
  'ten_hc',
  'ward_name',
  'commune_name',
];
const NAME_EN_NAMES = ['name_en', 'nameen', 'en_name', 'ten_en', 'ten_tieng_anh', 'name_english'];

/** Names of the properties found on the features, in first-seen order. */
export function propertyNames(raw: unknown[]): { name: string }[] {
  const names = new Set<string>();
  for (const f of raw) {
    const p = (f as { properties?: unknown } | null)?.properties;
    if (p && typeof p === 'object' && !Array.isArray(p)) for (const k of Object.keys(p)) names.add(k);
  }
  return [...names].map((name) => ({ name }));
}

/** Suggested code and name properties, by the names GIS files usually give them (any case). */
export function suggestProperties(properties: { name: string }[]): {
  code: string | null;
  name: string | null;
  nameEn: string | null;
} {
  const pick = (candidates: string[]) => {
    for (const c of candidates) {
      const hit = properties.find((p) => p.name.toLowerCase() === c);
      if (hit) return hit.name;
    }
    return null;
  };
  return { code: pick(CODE_NAMES), name: pick(NAME_NAMES), nameEn: pick(NAME_EN_NAMES) };
}

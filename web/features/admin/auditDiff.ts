/** One changed field of an audit entry. */
export interface FieldChange {
  /** Dotted path, e.g. `name.vi`, `questions.0.label.en`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * A record as dotted paths to leaf values. Objects (and lists of objects, e.g. a category's questions)
 * are walked into; anything else (strings, numbers, lists of plain values, nested coordinate arrays) is
 * a leaf, compared whole.
 */
export function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (!entries.length && prefix) out.set(prefix, value);
    for (const [key, v] of entries) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value) && value.length > 0 && value.every(isPlainObject)) {
    value.forEach((v, i) => flatten(v, prefix ? `${prefix}.${i}` : String(i), out));
  } else if (value !== undefined && !(prefix === '' && value === null)) {
    out.set(prefix || 'value', value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an administrative change touched: what was added, removed or changed, in the record's order. */
export function auditDiff(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const inB = b.has(path);
    const inA = a.has(path);
    const vb = b.get(path);
    const va = a.get(path);
    if (inB && inA) {
      if (!same(vb, va)) changes.push({ path, kind: 'changed', before: vb, after: va });
    } else if (inA) {
      if (va !== null) changes.push({ path, kind: 'added', after: va });
    } else if (vb !== null) {
      changes.push({ path, kind: 'removed', before: vb });
    }
  }
  return changes;
}

/** How long a value may be on screen before it is cut (area geometries are long). */
export const VALUE_MAX = 140;

/** An instant as the API writes it (`2026-12-31T17:00:00.000Z`). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A value as a person reads it: `yes`/`no`/`empty` in the interface language, instants through
 * `instant` (the city's local time) when given.
 */
export function formatValue(
  value: unknown,
  words: { yes: string; no: string; empty: string; instant?: (iso: string) => string },
): string {
  let text: string;
  if (value === null || value === undefined || value === '') text = words.empty;
  else if (typeof value === 'boolean') text = value ? words.yes : words.no;
  else if (typeof value === 'string' && words.instant && ISO_INSTANT.test(value)) text = words.instant(value);
  else if (typeof value === 'string' || typeof value === 'number') text = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    text = value.length ? value.map((v) => (v === null ? words.empty : String(v))).join(', ') : words.empty;
  else text = JSON.stringify(value);
  return text.length > VALUE_MAX ? `${text.slice(0, VALUE_MAX - 1)}…` : text;
}

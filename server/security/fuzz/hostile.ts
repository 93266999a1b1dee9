import type { Rng } from '../../../scripts/seed/random';

// Hostile values a fuzz case puts where the API expects something else. None of them contains the
// words the leak check looks for (sqlite, a stack frame, a server path), so a reflected value can never
// pass for a leak, and the check never has to guess.

const HUGE_UNITS = ['a', 'Đèn đường ', '🧨', 'x\u0301', '0123456789', ' ', '\\"'];
const huge = new Map<string, string>();

/** A string of at least `min` characters: a long run, some words, or a long run of multi-byte text. */
export function hugeString(rng: Rng, min = 100_000): string {
  const unit = rng.pick(HUGE_UNITS);
  // A few lengths per size, built once: the cases differ by where the string goes, not its exact length.
  const length = min + rng.int(0, 3) * Math.ceil(min / 6);
  const key = `${unit}:${length}`;
  if (!huge.has(key)) huge.set(key, unit.repeat(Math.ceil(length / unit.length)));
  return huge.get(key)!;
}

/** Text that breaks naive handling: direction marks, combining marks, emoji, NUL, lone surrogates ... */
export const UNICODE = [
  'مرحبا بالعالم',
  '\u202Eevil\u202C.txt',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z\u0334\u0321\u0319\u0353a\u0336\u0332l\u0335g\u0337o',
  '👩‍👩‍👧‍👦🏳️‍🌈🧨',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uDBFF',
  '\uFEFFbom',
  '\u2028\u2029',
  'Tiếng Việt có dấu: Phường Tuy Hòa',
  '𝕳𝖊𝖑𝖑𝖔 𝔚𝔬𝔯𝔩𝔡',
  '\r\n\t\v\f',
  '\u200B\u200C\u200D\u2060',
  'ﷺ﷽',
  '<script>alert(1)</script>',
  ']]><x>&amp;&#0;',
  '${7*7}{{7*7}}%s%n%x',
  '\u001b[31mred',
  ' ',
  '',
];

/** Text shaped like SQL an attacker would try. */
export const SQLISH = [
  "' OR '1'='1",
  '1; DROP TABLE reports; --',
  '" OR 1=1 --',
  "') UNION SELECT password_hash FROM users --",
  "%' AND 1=0 UNION ALL SELECT NULL, NULL --",
  '1 OR 1=1',
  "admin'--",
  '*/ OR /*',
  "'; ATTACH DATABASE 'x.db' AS x; --",
  '\\x27 OR 1=1',
];

/** Text shaped like a path an attacker would try. */
export const PATHISH = [
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '....//....//etc',
  '..\\..\\windows\\win.ini',
  '%00',
  'a%00b',
  '%ZZ',
  '%',
  '%%30%30',
  '.',
  '..',
  '~',
  '%C0%AE%C0%AE%2F',
  '%E2%80%AE',
  '%F0%9F%A7%A8',
  '%uD800',
];

/** Numbers at the edges, and strings that look like numbers. */
export const NUMBERISH: unknown[] = [
  0,
  -0,
  -1,
  -(Number.MAX_SAFE_INTEGER + 2),
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
  1.5,
  2 ** 31,
  2 ** 63,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  ' 12 ',
  '12abc',
  '١٢٣',
  '',
];

/** Numbers and number-like text as query or path text (never a small positive id: it may name a real row). */
export const NUMBER_TEXT = [
  '0',
  '-0',
  '-1',
  '-9999999999999999999',
  '99999999999999999999999',
  '1e999',
  '1.5',
  'NaN',
  'Infinity',
  '0x1F',
  '1e3',
  '%201',
  '١٢٣',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
];

/** Names a prototype-polluting payload uses. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];

const deep = new Map<string, string>();

/** A JSON text nested `depth` deep: arrays, objects, or both, optionally inside a field of a body. */
export function deepJson(rng: Rng, depth = 10_000): string {
  const kind = rng.pick(['array', 'object', 'mixed'] as const);
  const key = `${kind}:${depth}`;
  if (!deep.has(key)) deep.set(key, nested(kind, depth));
  return deep.get(key)!;
}

function nested(kind: 'array' | 'object' | 'mixed', depth: number): string {
  if (kind === 'array') return '['.repeat(depth) + '1' + ']'.repeat(depth);
  if (kind === 'object') return '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    open.push(i % 2 ? '[' : '{"x":');
    close.push(i % 2 ? ']' : '}');
  }
  return open.join('') + '0' + close.reverse().join('');
}

/** Any hostile JSON value (for a field of a body). */
export function hostileValue(rng: Rng): unknown {
  switch (rng.int(0, 11)) {
    case 0:
      return null;
    case 1:
      return rng.pick(NUMBERISH);
    case 2:
      return rng.pick(UNICODE);
    case 3:
      return rng.pick(SQLISH);
    case 4:
      return rng.pick(PATHISH);
    case 5:
      return hugeString(rng);
    case 6:
      return rng.pick([true, false]);
    case 7:
      return [];
    case 8:
      return {};
    case 9:
      return [rng.pick(UNICODE), rng.pick(NUMBERISH), null, { a: [1] }];
    case 10:
      return { [rng.pick(PROTO_KEYS)]: { polluted: true }, length: -1 };
    default:
      return Array.from({ length: rng.int(1000, 20_000) }, (_, i) => i);
  }
}

/** Any hostile text (for a query or path parameter, or a header). */
export function hostileText(rng: Rng): string {
  switch (rng.int(0, 6)) {
    case 0:
      return rng.pick(UNICODE);
    case 1:
      return rng.pick(SQLISH);
    case 2:
      return rng.pick(PATHISH);
    case 3:
      return rng.pick(NUMBER_TEXT);
    case 4:
      return hugeString(rng, rng.chance(0.5) ? 2_000 : 20_000);
    case 5:
      return rng.pick(['[object Object]', 'a,b,,c,', ',,,,', 'true', 'null', '-', '\\', '"', "'", '`']);
    default:
      return rng.pick(UNICODE) + rng.pick(SQLISH);
  }
}

import type { DemoCategory } from './demo-city';

/** A small seeded PRNG (mulberry32) so the demo city is the same on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** One element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One key by weight. */
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((n, [, w]) => n + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  }
}

/** Answers to a category's required questions (and sometimes the optional ones), as a resident would. */
export function answers(category: DemoCategory, rng: Rng): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of category.questions ?? []) {
    if (!q.required && !rng.chance(0.3)) continue;
    if (q.values?.length) out[q.code] = rng.pick(q.values).key;
    else if (q.datatype === 'string') out[q.code] = `TH-${rng.int(100, 2999).toString().padStart(4, '0')}`;
  }
  return out;
}

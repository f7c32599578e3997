/**
 * A seeded pseudo-random generator (mulberry32) for the benchmark's synthetic content: the same
 * seed gives the same sequence on every machine and Node version, so the same N gives the same
 * bytes. Eight lines of well-known arithmetic; not worth a dependency, not for cryptography.
 */

/** Draws from one seeded sequence; every helper advances it. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items of a list, in list order (all of them when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** Why: deterministic synthetic content needs a PRNG whose sequence depends only on its seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample: (items, count) => {
      const chosen = new Set<number>();
      const wanted = Math.min(count, items.length);
      while (chosen.size < wanted) chosen.add(Math.floor(next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
    },
  };
}

/** Why: one seed per (releases, products) pair, so each size of the benchmark is its own fixed corpus. */
export function seedFor(releases: number, products: number): number {
  return (Math.imul(releases, 0x9e3779b1) ^ Math.imul(products + 1, 0x85ebca6b)) >>> 0;
}

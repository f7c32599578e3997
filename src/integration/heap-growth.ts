/**
 * How fast V8 lets the heap of a build grow. Left to itself, V8 grows the old generation by a
 * factor of up to four after each full collection, so a build's resident memory rises far above
 * what it holds (at 1,000 releases the build holds under 500 MB and peaked at 1.2 GB; with a hard
 * 500 MB limit it still finished). A factor of 1.5 keeps the peak near the live heap without
 * more collection time (measured in docs/performance.md), and, unlike a size limit, never stops a
 * large hub: the heap still grows as far as the hub needs.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap grows by this per cent after a full collection. */
const HEAP_GROWING_PERCENT = 50;

/** Why: a build's peak memory is what a CI runner must have; a team's own flag for it wins. */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): void {
  if (execArgv.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag))) return;
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

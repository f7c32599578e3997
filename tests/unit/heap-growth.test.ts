/** A build bounds V8's heap growth, unless the team's Node flags already say how. */
import { describe, expect, it } from 'vitest';
import { boundHeapGrowth } from '../../src/integration/heap-growth.ts';

describe('the heap growth of a build', () => {
  it.each([
    ['no Node flags', [], ['--heap-growing-percent=50']],
    ['other Node flags', ['--enable-source-maps', '--max-old-space-size=8192'], ['--heap-growing-percent=50']],
    ["the team's own growth", ['--heap-growing-percent=20'], []],
    ["the team's own growth, written with underscores", ['--heap_growing_percent=80'], []],
  ])('%s', (_name, execArgv, expected) => {
    const set: string[] = [];
    boundHeapGrowth(execArgv, (flags) => set.push(flags));
    expect(set).toEqual(expected);
  });
});

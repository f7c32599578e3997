/** What a build checks before it writes anything, and how a site is swapped in (issue 17). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { swapIntoPlace, type SwapFs } from '../../src/cli/swap.ts';
import { outputOverlapProblems, takeBuildLock, unwritableProblem, type ReadFolder } from '../../src/integration/build-guard.ts';

const project = '/work/team';
const reads: ReadFolder[] = [
  { path: '/work/team/content', what: 'the content root' },
  { path: '/work/team/public', what: "the project's public/ folder" },
  { path: '/work/team/src', what: "the project's src/ folder" },
  { path: project, what: 'the project', outputMayBeInside: true },
];
const overlaps = (output: string) =>
  outputOverlapProblems({ path: output, file: '--out-dir (HUB_DIST_DIR)' }, reads, project).map((problem) => formatProblem(problem, ''));

describe('the output folder', () => {
  it.each([
    { output: '/work/team/dist', expected: [] },
    { output: '/work/team/site/public-build', expected: [] },
    { output: '/tmp/hub-dist', expected: [] },
    {
      output: '/work/team/content',
      expected: [
        '--out-dir (HUB_DIST_DIR) the output folder content is the content root (content), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project',
      ],
    },
    {
      output: '/work/team/content/site',
      expected: [
        '--out-dir (HUB_DIST_DIR) the output folder content/site lies inside the content root (content), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project',
      ],
    },
    {
      output: '/work/team/public',
      expected: [
        "--out-dir (HUB_DIST_DIR) the output folder public is the project's public/ folder (public), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project",
      ],
    },
    {
      output: '/work/team',
      expected: [
        '--out-dir (HUB_DIST_DIR) the output folder /work/team contains the content root (content), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project',
        "--out-dir (HUB_DIST_DIR) the output folder /work/team contains the project's public/ folder (public), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project",
        "--out-dir (HUB_DIST_DIR) the output folder /work/team contains the project's src/ folder (src), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project",
        '--out-dir (HUB_DIST_DIR) the output folder /work/team is the project (/work/team), and a build empties its output folder first — choose a folder of its own for the site, e.g. dist/ in the project',
      ],
    },
    { output: '/work', expected: expect.arrayContaining([expect.stringContaining('the output folder /work contains the project (/work/team)')]) },
  ])('$output', ({ output, expected }) => {
    expect(overlaps(output)).toEqual(expected);
  });

  it('must be writable: one line when its parent cannot take a folder', () => {
    expect(formatProblem(unwritableProblem({ path: '/proc/hub-dist', file: '--out-dir (HUB_DIST_DIR)' }, os.tmpdir())!, '')).toBe(
      '--out-dir (HUB_DIST_DIR) the output folder /proc/hub-dist cannot be written (ENOENT) — choose a folder you can write to',
    );
    expect(unwritableProblem({ path: path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-out-')), 'dist'), file: 'x' }, '/')).toBeUndefined();
  });
});

describe('the build lock', () => {
  it('lets one build of a project run, says who holds it to the next, and takes over a stale lock', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'hub-lock-'));
    const first = takeBuildLock(folder, project);
    expect('release' in first).toBe(true);
    const second = takeBuildLock(folder, project);
    expect('problem' in second && formatProblem(second.problem, '')).toBe(
      `/work/team is being built by another process right now (pid ${process.pid}) — wait for that build to finish; if no build is running, delete ${path.join(folder, 'build.lock')}`,
    );
    if ('release' in first) first.release();
    // A lock left by a process that is gone (pid 2^22 + 1 is past Linux's pid limit).
    writeFileSync(path.join(folder, 'build.lock'), '4194305');
    const third = takeBuildLock(folder, project);
    expect('release' in third).toBe(true);
    if ('release' in third) third.release();
  });
});

describe('swapIntoPlace', () => {
  const fakeFs = (failOn?: string) => {
    const folders = new Set(['dist', 'dist.staging']);
    const steps: string[] = [];
    const fs: SwapFs = {
      exists: (folder) => folders.has(folder),
      rename: async (from, to) => {
        if (`${from}→${to}` === failOn) throw new Error('EXDEV: cross-device link not permitted');
        steps.push(`${from}→${to}`);
        folders.delete(from);
        folders.add(to);
      },
      remove: async (folder) => {
        steps.push(`rm ${folder}`);
        folders.delete(folder);
      },
    };
    return { fs, steps, folders };
  };

  it('moves the old site aside, the new one in, then removes the old one', async () => {
    const { fs, steps, folders } = fakeFs();
    await swapIntoPlace('dist', 'dist.staging', fs, '7');
    expect(steps).toEqual(['dist→dist.previous-7', 'dist.staging→dist', 'rm dist.previous-7']);
    expect([...folders]).toEqual(['dist']);
  });

  it('puts the old site back when the new one cannot be moved in, and says why', async () => {
    const { fs, steps, folders } = fakeFs('dist.staging→dist');
    await expect(swapIntoPlace('dist', 'dist.staging', fs, '7')).rejects.toThrow('EXDEV');
    expect(steps).toEqual(['dist→dist.previous-7', 'dist.previous-7→dist']);
    expect(folders.has('dist')).toBe(true);
  });
});

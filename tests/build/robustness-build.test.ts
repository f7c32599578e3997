/**
 * Hostile input and faults in real builds (issue 17): `release-hub check` and `release-hub build`
 * report exactly the same problems; a hub built again from another folder shows that folder's
 * bodies; two builds of one project at once never publish half a site; an output folder that
 * overlaps the content is refused before anything is deleted.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../unit/helpers/fixture-hub.ts';
import { cliBin, projectRoot, runCli } from './helpers/run.ts';
import { builtSite, scenario, TEST_NOW_EPOCH } from './helpers/scenario.ts';

/** The `file:line field: what — fix` lines of a command's output, in order. */
const problemLines = (stderr: string, root: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith(root))
    .map((line) => line.slice(root.length + 1));

describe('check and build agree', () => {
  it('on every problem of a hub with many kinds of bad input, listed in one round', () => {
    const { content, builds } = scenario('errors-many');
    const [build] = builds;
    expect(build!.status).toBe(1);
    const checked = runCli(['check', '--content', content]);
    expect(checked.status).toBe(1);
    const fromBuild = problemLines(build!.stderr, content);
    expect(fromBuild).toHaveLength(9);
    expect(fromBuild).toEqual(problemLines(checked.stderr, content));
    expect(build!.stderr).toContain('✗ build stopped: 9 content errors in');
    expect(`${build!.stdout}${build!.stderr}`).not.toMatch(/\n\s+at |Stack trace|\[ERROR\]/);
  });
});

describe('a hub copied or moved to another folder', () => {
  it("builds with the new folder's bodies, never the old folder's", () => {
    const page = readFileSync(path.join(builtSite('content-moved'), 'releases/web/1.0.0/index.html'), 'utf8');
    expect(page).toContain('This body was written after the hub moved to another folder.');
    expect(page).not.toContain('The first public release.');
  });
});

describe('the output folder', () => {
  it('is refused, before anything is deleted, when it is the content root', () => {
    const content = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-overlap-')), 'content');
    cpSync(path.join(fixturesDir, 'minimal'), content, { recursive: true });
    const before = readdirSync(content).sort();
    const result = runCli(['build', '--root', path.join(fixturesDir, 'concurrent'), '--out-dir', content], {
      HUB_CONTENT_DIR: content,
      SOURCE_DATE_EPOCH: TEST_NOW_EPOCH,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the output folder');
    expect(result.stderr).toContain('is the content root');
    expect(result.stderr).toContain('✗ build stopped: the output folder overlaps a folder the build reads; nothing was deleted');
    expect(readdirSync(content).sort()).toEqual(before);
  });
});

describe('two builds of one project at once', () => {
  it('publish one whole site: the second says another build is running, and exits 1', async () => {
    const content = mkdtempSync(path.join(os.tmpdir(), 'hub-concurrent-'));
    cpSync(path.join(fixturesDir, 'minimal'), content, { recursive: true });
    const dist = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-concurrent-dist-')), 'dist');
    const build = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cliBin, 'build', '--root', path.join(fixturesDir, 'concurrent'), '--out-dir', dist], {
          cwd: projectRoot,
          env: { ...process.env, HUB_CONTENT_DIR: content, SOURCE_DATE_EPOCH: TEST_NOW_EPOCH, ASTRO_TELEMETRY_DISABLED: '1' },
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('close', (status) => resolve({ status, stderr }));
      });
    const results = await Promise.all([build(), build()]);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([0, 1]);
    const refused = results.find((result) => result.status === 1)!;
    expect(refused.stderr).toMatch(/is being built by another process right now \(pid \d+\) — wait for that build to finish/);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dist, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(path.dirname(dist))).toEqual(['dist']);
  }, 120_000);
});

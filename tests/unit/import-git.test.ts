/**
 * import:git against a throwaway repository built here: fixed dates, tags v1.0.0, v1.1.0, v2.0.0,
 * a `feat!:` breaking change, a `BREAKING CHANGE:` footer and a non-conventional commit (issue 8).
 */
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGit, type GitImport } from '../../src/import/git.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const HUB_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hub');

/** git with a clean identity and no user or system config (signing, hooks). */
function git(repo: string, args: string[], date?: string): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    stdio: 'pipe',
  });
}

/** One empty commit at a fixed date. */
function commit(repo: string, message: string, date: string): void {
  git(repo, ['commit', '--allow-empty', '-q', '-m', message], date);
}

/** Builds the history the tests read. */
function buildRepo(repo: string): void {
  git(repo, ['init', '-q', '-b', 'main']);
  commit(repo, 'feat: export releases as CSV', '2024-01-10T09:00:00+01:00');
  commit(repo, 'docs: explain the CSV columns', '2024-01-11T09:00:00+01:00');
  commit(repo, 'fix(api): keep column order\n\nCloses #12', '2024-01-12T09:00:00+01:00');
  git(repo, ['tag', '-a', 'v1.0.0', '-m', 'v1.0.0'], '2024-01-15T10:30:00+01:00');
  commit(repo, 'perf: stream large exports', '2024-02-01T09:00:00+01:00');
  commit(repo, 'Update the README', '2024-02-02T09:00:00+01:00');
  commit(repo, 'chore: bump deps', '2024-02-03T09:00:00+01:00');
  commit(repo, 'revert: restore the old CSV header', '2024-02-03T12:00:00+01:00');
  commit(repo, 'deprecate: the ?format=xls parameter', '2024-02-04T09:00:00+01:00');
  git(repo, ['tag', 'v1.1.0'], '2024-02-05T09:00:00+01:00'); // lightweight: the commit's date
  git(repo, ['tag', 'nightly']);
  commit(repo, 'feat(api)!: drop the v1 endpoints', '2024-03-01T09:00:00+02:00');
  commit(repo, 'refactor: move settings\n\nBREAKING CHANGE: settings now live in hub.yaml', '2024-03-02T09:00:00+02:00');
  commit(repo, 'security: escape CSV formulas', '2024-03-03T09:00:00+02:00');
  commit(repo, 'WIP', '2024-03-04T09:00:00+02:00');
  git(repo, ['tag', '-a', 'v2.0.0', '-m', 'v2.0.0'], '2024-03-05T18:00:00+02:00');
}

/** Summary without the trailing short hash. */
const summary = (text: string | undefined): string | undefined => text?.replace(/ \([0-9a-f]{7}\)/, '');

describe('import:git', () => {
  let repo: string;
  let result: GitImport;

  beforeAll(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), 'hub-git-'));
    buildRepo(repo);
    result = await importGit({ repo, product: 'api' });
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('makes one released draft per SemVer tag, newest first, dated by the tag with its offset', () => {
    expect(result.releases.map((release) => [release.version, release.status, release.deployment?.finishedAt])).toEqual([
      ['2.0.0', 'released', '2024-03-05T18:00:00+02:00'],
      ['1.1.0', 'released', '2024-02-04T09:00:00+01:00'],
      ['1.0.0', 'released', '2024-01-15T10:30:00+01:00'],
    ]);
    expect(result.ignoredTags).toEqual(['nightly (not a SemVer release tag)']);
  });

  it('maps commit types and breaking markers to changes', () => {
    const [v200, v110, v100] = result.releases;
    expect(v100?.changes.map((change) => [change.type, summary(change.summary), change.breaking])).toEqual([
      ['fixed', '**api:** keep column order', false],
      ['added', 'export releases as CSV', false],
    ]);
    expect(v110?.changes.map((change) => [change.type, summary(change.summary)])).toEqual([
      ['deprecated', 'the ?format=xls parameter'],
      ['changed', 'restore the old CSV header'],
      ['changed', 'stream large exports'],
    ]);
    expect(v200?.changes.map((change) => [change.type, summary(change.summary), change.breaking])).toEqual([
      ['security', 'escape CSV formulas', false],
      ['changed', 'move settings\n\nsettings now live in hub.yaml', true],
      ['added', '**api:** drop the v1 endpoints', true],
    ]);
  });

  it('counts skipped types and lists the commits it could not parse', () => {
    expect(result.skippedTypes).toEqual({ docs: 1, chore: 1 });
    expect(result.unparsed.map(({ tag, subject, reason }) => ({ tag, subject, reason }))).toEqual([
      { tag: 'v2.0.0', subject: 'WIP', reason: 'not a Conventional Commit' },
      { tag: 'v1.1.0', subject: 'Update the README', reason: 'not a Conventional Commit' },
    ]);
  });

  it('imports a slice with --from/--to, with commits since the tag before', async () => {
    const slice = await importGit({ repo, product: 'api', from: 'v1.1.0', to: '1.1.0' });
    expect(slice.releases.map((release) => release.version)).toEqual(['1.1.0']);
    expect(slice.releases[0]?.changes).toHaveLength(3);
    await expect(importGit({ repo, product: 'api', from: 'v9.9.9' })).rejects.toThrow('No release tag "v9.9.9": the repository has v1.0.0, v1.1.0, v2.0.0.');
  });

  it('writes the files through the CLI and does not overwrite them on a second run', async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'hub-content-'));
    await cp(HUB_FIXTURE, content, { recursive: true });
    try {
      const run = (): Promise<{ stdout: string }> =>
        promisify(execFile)(
          process.execPath,
          [path.join(REPO_ROOT, 'bin/release-hub.mjs'), 'import', 'git', '--repo', repo, '--product', 'api', '--content', content],
          { cwd: REPO_ROOT },
        );
      const first = await run();
      expect(first.stdout).toContain('Files: 3 written');
      expect(first.stdout).toContain('Changes: 8 (added 2, changed 3, deprecated 1, removed 0, fixed 1, security 1; breaking 2)');
      expect(first.stdout).toMatch(/Commits not imported \(2\):\n {2}- v2\.0\.0 [0-9a-f]{7} WIP \(not a Conventional Commit\)/);
      expect((await readdir(path.join(content, 'releases/api'))).sort()).toEqual(['1.0.0.md', '1.1.0.md', '2.0.0.md']);
      expect(await readFile(path.join(content, 'releases/api/1.0.0.md'), 'utf8')).toContain('  finishedAt: "2024-01-15T10:30:00+01:00"\n');
      expect((await run()).stdout).toContain('Files: 3 skipped (already exist)');
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });
});

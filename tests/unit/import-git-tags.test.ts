/**
 * Release tags beyond `v1.2.3` (issue 18): monorepo forms and `--tag-prefix` for `import git`,
 * commits of pre-releases in the final release, commit links and authors, and
 * `import changelog --dates-from-git` for undated changesets files. Repositories are built here.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importChangelog } from '../../src/import/changelog.ts';
import { parseTagName, selectTags, tagDates } from '../../src/import/git-tags.ts';
import { importGit } from '../../src/import/git.ts';
import { readRealChangelog, realChangelogPath } from './helpers/real-changelogs.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const HUB_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hub');
const PEOPLE = [{ id: 'alice', name: 'Alice Example', email: 'Alice@Acme.example' }];

/** git with a fixed identity and no user or system config. */
function git(repo: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: repo,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    stdio: 'pipe',
    encoding: 'utf8',
  });
}

/** One commit touching `file`, by `author`, at a fixed date. */
async function commit(repo: string, file: string, message: string, date: string, author = 'Alice <alice@acme.example>'): Promise<void> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), `${message}\n`, { flag: 'a' });
  git(repo, ['add', '-A']);
  const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(author) ?? [];
  git(repo, ['commit', '-q', '-m', message], {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
}

function tag(repo: string, name: string, date: string): void {
  git(repo, ['tag', '-a', name, '-m', name], { GIT_COMMITTER_NAME: 'Release', GIT_COMMITTER_EMAIL: 'release@acme.example', GIT_COMMITTER_DATE: date });
}

const made: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('tag names', () => {
  it.each([
    ['v1.2.3', undefined, { pkg: '', version: '1.2.3' }],
    ['1.2.3-rc.1', undefined, { pkg: '', version: '1.2.3-rc.1' }],
    ['web@1.2.3', undefined, { pkg: 'web', version: '1.2.3' }],
    ['@acme/web@1.2.3', undefined, { pkg: '@acme/web', version: '1.2.3' }],
    ['web-v1.2.3', undefined, { pkg: 'web', version: '1.2.3' }],
    ['tools/web/v1.2.3', undefined, { pkg: 'tools/web', version: '1.2.3' }],
    ['release-web-1.2.3', 'release-web-', { pkg: 'release-web-', version: '1.2.3' }],
    ['web@v1.2.3', 'web@', { pkg: 'web@', version: '1.2.3' }],
  ])('%s (prefix %s)', (name, prefix, expected) => {
    expect(parseTagName(name, prefix)).toEqual({ name, ...expected });
  });

  it.each([['nightly'], ['v1.2'], ['web@latest']])('%s is no release tag', (name) => {
    expect(parseTagName(name)).toBeUndefined();
  });

  it('asks for --tag-prefix when the tags belong to several packages, naming them', () => {
    const refs = ['web@1.0.0', 'web@1.1.0', 'api@1.0.0'].map((name) => ({ name, date: '2024-01-01T00:00:00Z' }));
    expect(() => selectTags(refs)).toThrow(
      'The tags belong to 2 packages: api (1 tags, e.g. api@1.0.0), web (2 tags, e.g. web@1.0.0). Pass --tag-prefix with the one to import, e.g. --tag-prefix api@.',
    );
    expect(selectTags(refs, 'web@').tags.map((one) => one.version)).toEqual(['1.0.0', '1.1.0']);
    expect(selectTags(refs, 'web@').ignored).toEqual(['api@1.0.0 (another package: api)']);
  });

  it('takes the plain tags when there are some, and one package when it is the only one', () => {
    const refs = ['v1.0.0', 'web-v2.0.0', 'nightly'].map((name) => ({ name, date: '2024-01-01T00:00:00Z' }));
    expect(selectTags(refs)).toMatchObject({
      tags: [{ name: 'v1.0.0' }],
      ignored: ['nightly (not a SemVer release tag)', 'web-v2.0.0 (another package: web)'],
    });
    expect(selectTags(refs.slice(1)).tags.map((one) => one.name)).toEqual(['web-v2.0.0']);
  });
});

describe('import git in a monorepo', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await tempDir('hub-mono-');
    git(repo, ['init', '-q', '-b', 'main']);
    await commit(repo, 'web/a.ts', 'feat(web): export as CSV', '2024-01-10T09:00:00+01:00');
    await commit(repo, 'api/a.ts', 'feat(api): list releases', '2024-01-11T09:00:00+01:00');
    tag(repo, 'web@1.0.0', '2024-01-15T10:00:00+01:00');
    tag(repo, 'api@1.0.0', '2024-01-15T11:00:00+01:00');
    await commit(repo, 'web/b.ts', 'fix(web): keep the column order', '2024-02-01T09:00:00+01:00', 'Bob <bob@elsewhere.example>');
    tag(repo, 'web@1.1.0-rc.1', '2024-02-02T10:00:00+01:00');
    await commit(repo, 'api/b.ts', 'fix(api): paging', '2024-02-03T09:00:00+01:00');
    await commit(repo, 'web/c.ts', 'feat(web)!: drop the XLS export', '2024-02-04T09:00:00+01:00');
    tag(repo, 'web@1.1.0', '2024-02-05T10:00:00+01:00');
  });

  it('imports one package with --tag-prefix; the final release holds its pre-release commits too', async () => {
    const result = await importGit({ repo, product: 'web', tagPrefix: 'web@', path: 'web', people: PEOPLE });
    expect(
      result.releases.map((release) => [
        release.version,
        release.deployment?.finishedAt,
        release.tags,
        release.changes.map((change) => change.summary.replace(/ \([0-9a-f]{7}\)/, '')),
      ]),
    ).toEqual([
      ['1.1.0', '2024-02-05T10:00:00+01:00', [], ['**web:** drop the XLS export', '**web:** keep the column order']],
      ['1.1.0-rc.1', '2024-02-02T10:00:00+01:00', ['prerelease'], ['**web:** keep the column order']],
      ['1.0.0', '2024-01-15T10:00:00+01:00', [], ['**web:** export as CSV']],
    ]);
    expect(result.releases[0]?.changes[0]?.breaking).toBe(true);
    expect(result.ignoredTags).toEqual(['api@1.0.0 (another package: api)']);
    expect(result.releases[0]?.importedFrom).toBe('git tag web@1.1.0');
  });

  it('without --path a package release holds every commit since its previous tag', async () => {
    const result = await importGit({ repo, product: 'web', tagPrefix: 'web@' });
    expect(result.releases[0]?.changes.map((change) => change.summary.replace(/ \([0-9a-f]{7}\)/, ''))).toEqual([
      '**web:** drop the XLS export',
      '**api:** paging',
      '**web:** keep the column order',
    ]);
  });

  it('links commits with --repo-url and credits authors, by their people.yaml name when the email matches', async () => {
    const result = await importGit({ repo, product: 'web', tagPrefix: 'web@', path: 'web', repoUrl: 'https://github.com/acme/mono', people: PEOPLE });
    const hash = git(repo, ['log', '-1', '--format=%H', '--grep', 'export as CSV']).trim();
    expect(result.releases[2]?.changes[0]?.summary).toBe(`**web:** export as CSV ([${hash.slice(0, 7)}](https://github.com/acme/mono/commit/${hash}))`);
    expect(result.releases[0]?.body).toBe('**Contributors:** Alice Example, Bob.');
    expect(result.authors).toEqual([
      { name: 'Alice Example', email: 'alice@acme.example', person: 'alice', commits: 2 },
      { name: 'Bob', email: 'bob@elsewhere.example', commits: 2 },
    ]);
  });

  it('stops with the packages named when no --tag-prefix is given', async () => {
    await expect(importGit({ repo, product: 'web' })).rejects.toThrow(
      'The tags belong to 2 packages: api (1 tags, e.g. api@1.0.0), web (3 tags, e.g. web@1.0.0)',
    );
  });
});

describe('import changelog --dates-from-git', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await tempDir('hub-dates-');
    git(repo, ['init', '-q', '-b', 'main']);
    await commit(repo, 'a', 'chore: one', '2024-05-01T09:00:00+02:00');
    tag(repo, 'ultrahtml@1.6.0', '2024-05-02T12:00:00+02:00');
    await commit(repo, 'a', 'chore: two', '2024-06-01T09:00:00+02:00');
    tag(repo, 'ultrahtml@1.7.0', '2024-06-03T15:30:00+02:00');
  });

  it('dates the versions that have a tag, and says which have none', async () => {
    const { dates } = await tagDates(repo);
    const result = importChangelog(readRealChangelog('ultrahtml'), { product: 'web', tagDates: dates });
    const dated = result.releases.filter((release) => release.deployment);
    expect(dated.map((release) => [release.version, release.deployment?.finishedAt])).toEqual([
      ['1.7.0', '2024-06-03T15:30:00+02:00'],
      ['1.6.0', '2024-05-02T12:00:00+02:00'],
    ]);
    expect(result.taggedDates).toEqual(['1.7.0: 2024-06-03T15:30:00+02:00 (tag ultrahtml@1.7.0)', '1.6.0: 2024-05-02T12:00:00+02:00 (tag ultrahtml@1.6.0)']);
    expect(result.warnings[0]).toMatch(/^33 version\(s\) have no date: .*no git tag was found for them/);
  });

  it('through the command: the report names the tags and lists the dates', async () => {
    const content = await tempDir('hub-dates-content-');
    await cp(HUB_FIXTURE, content, { recursive: true });
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin/release-hub.mjs'),
        'import',
        'changelog',
        realChangelogPath('ultrahtml'),
        '--product',
        'web',
        '--content',
        content,
        '--dates-from-git',
        repo,
      ],
      { cwd: REPO_ROOT },
    );
    expect(stdout).toContain(`Imported 35 version(s) of web from CHANGELOG.md (dates from ${repo}: tags of ultrahtml (ultrahtml@1.6.0, …))`);
    expect(stdout).toContain('Dates from git tags (2):\n  - 1.7.0: 2024-06-03T15:30:00+02:00 (tag ultrahtml@1.7.0)');
    expect(stdout).toContain('Undated: 33 released version(s) have no date and will NOT appear in the customer changelog');
    expect(stderr).toContain('warning: 33 released version(s) have no date');
    expect(await readFile(path.join(content, 'releases/web/1.7.0.md'), 'utf8')).toContain('  finishedAt: "2024-06-03T15:30:00+02:00"\n');
  });
});

/**
 * `import github-releases` (issue 18), offline, on tests/fixtures/import/github-releases.json: the
 * output of `gh api repos/acme/web/releases --paginate` (two pages, written one after the other)
 * with a draft, a pre-release, generated notes, hand-written notes, a release without notes,
 * another package's tag and a tag that is no version.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { importGithubReleases, parseJsonValues, readGithubReleases } from '../../src/import/github-releases.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/github-releases.json');
const HUB_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hub');
const entries = readGithubReleases(readFileSync(FIXTURE, 'utf8'), 'releases.json');
const result = importGithubReleases(entries, { product: 'web', audience: 'public' });
const release = (version: string) => result.releases.find((candidate) => candidate.version === version);

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe('reading the JSON', () => {
  it.each([
    ['pages one after the other (--paginate)', '[{"a":1}][{"a":2}]\n', [[{ a: 1 }], [{ a: 2 }]]],
    ['pages on lines of their own', '[{"a":1}]\n[{"a":"]["}]\n', [[{ a: 1 }], [{ a: '][' }]]],
    ['one array of pages (--slurp)', '[[{"a":1}],[{"a":2}]]', [[[{ a: 1 }], [{ a: 2 }]]]],
  ])('%s', (_, text, values) => {
    expect(parseJsonValues(text, 'r.json')).toEqual(values);
  });

  it.each([
    ['[{"a":1}', 'r.json: the JSON ends before its last array is closed (was the download cut off?).'],
    ['[{"a":1}] x', 'r.json:1: unexpected "x" between JSON values: not the JSON that gh api … --paginate writes.'],
    ['[{"a":1,}]', 'r.json:1: not valid JSON:'],
  ])('%s is refused', (text, message) => {
    expect(() => parseJsonValues(text, 'r.json')).toThrow(message);
  });

  it('names every field that is missing or wrong, in one round', () => {
    const text = JSON.stringify([
      {
        tag_name: 'v1.0.0',
        name: null,
        body: 'x',
        draft: 'no',
        prerelease: false,
        created_at: 'yesterday',
        published_at: null,
        html_url: 'https://github.com/a/b/releases/tag/v1.0.0',
      },
      { name: 'x' },
    ]);
    expect(() => readGithubReleases(text, 'releases.json')).toThrow(
      [
        'releases.json is not the JSON of `gh api repos/<owner>/<repo>/releases --paginate`:',
        '  release 1 (v1.0.0): draft is not true or false',
        '  release 1 (v1.0.0): created_at is not a time like 2024-03-05T17:00:00Z',
        '  release 2: tag_name is missing: a tag name',
      ].join('\n'),
    );
  });

  it('reads all six releases of the two pages', () => {
    expect(entries.map((entry) => entry.tag_name)).toEqual(['v2.1.0', 'v2.1.0-beta.1', 'v2.0.0', 'nightly', 'api@1.0.0', 'v1.0.0']);
  });
});

describe('mapping releases', () => {
  it('keeps dates, pre-release flags and draft state, newest version first', () => {
    expect(result.releases.map((one) => [one.version, one.status, one.audience, one.deployment?.finishedAt, one.tags, one.title])).toEqual([
      ['2.1.0', 'planned', 'internal', undefined, ['draft'], 'Dark mode'],
      ['2.1.0-beta.1', 'released', 'public', '2025-11-10T09:30:11Z', ['prerelease'], undefined],
      ['2.0.0', 'released', 'public', '2025-10-01T14:05:42Z', [], 'Faster exports'],
      ['1.0.0', 'released', 'public', '2025-09-01T10:02:03Z', [], undefined],
    ]);
    expect(result.ignored).toEqual(['api@1.0.0 (another package: api)', 'nightly (not a SemVer release tag)']);
    expect(result.warnings).toContain('1 draft release(s) imported as planned and internal (a draft is not published): 2.1.0.');
  });

  it("maps headings as the changelog importer does, and types GitHub's generated notes by their prefix", () => {
    expect(release('2.0.0')?.changes).toEqual([
      { type: 'changed', summary: 'drop Node 18 (#29)', breaking: true },
      { type: 'added', summary: 'Streaming export (#30)', breaking: false },
      { type: 'fixed', summary: 'Keep the column order (#31)', breaking: false },
    ]);
    expect(release('2.1.0-beta.1')?.changes.map((change) => [change.type, change.summary])).toEqual([
      ['added', 'feat: dark mode by @alice in https://github.com/acme/web/pull/42'],
      ['fixed', 'fix: crash on an empty file by @bob in https://github.com/acme/web/pull/43'],
    ]);
    expect(release('1.0.0')).toMatchObject({ changes: [], body: '' });
  });

  it('keeps the notes that are not changes as the body, with relative links pointing at the tag', () => {
    expect(release('2.0.0')?.body).toBe(
      '## New Contributors\n\n* @carol made their first contribution in https://github.com/acme/web/pull/31\n\n![The new export](https://github.com/acme/web/raw/v2.0.0/docs/img/export.png)',
    );
    expect(release('2.1.0')?.body).toContain('See the [guide](https://github.com/acme/web/blob/v2.1.0/docs/dark-mode.md).');
    expect(importGithubReleases(entries, { product: 'web', repoUrl: 'https://git.acme.example/web' }).releases[0]?.body).toContain(
      '[guide](https://git.acme.example/web/blob/v2.1.0/docs/dark-mode.md)',
    );
  });

  it('imports another package with --tag-prefix', () => {
    const api = importGithubReleases(entries, { product: 'api', tagPrefix: 'api@' });
    expect(api.releases.map((one) => [one.version, one.title, one.body])).toEqual([['1.0.0', undefined, 'First release of the API package.']]);
  });
});

describe('release-hub import github-releases', () => {
  it('writes valid release files a second run leaves alone, and --force replaces', { timeout: 120_000 }, async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'hub-gh-'));
    roots.push(content);
    await cp(HUB_FIXTURE, content, { recursive: true });
    const run = (...extra: string[]) =>
      promisify(execFile)(
        process.execPath,
        [path.join(REPO_ROOT, 'bin/release-hub.mjs'), 'import', 'github-releases', FIXTURE, '--product', 'web', '--content', content, ...extra],
        {
          cwd: REPO_ROOT,
        },
      );
    const first = await run('--audience', 'public');
    expect(first.stdout).toContain('Imported 4 GitHub release(s) of web from github-releases.json');
    expect(first.stdout).toContain('Files: 4 written');
    expect(first.stdout).toContain('Releases not imported (2):\n  - api@1.0.0 (another package: api)\n  - nightly (not a SemVer release tag)');
    expect((await readdir(path.join(content, 'releases/web'))).sort()).toEqual(['1.0.0.md', '2.0.0.md', '2.1.0-beta.1.md', '2.1.0.md']);
    const text = await readFile(path.join(content, 'releases/web/2.1.0-beta.1.md'), 'utf8');
    expect(text).toContain('  finishedAt: "2025-11-10T09:30:11Z"\n');
    expect(text).toContain('importedFrom: GitHub release v2.1.0-beta.1\n');
    const { problems } = await loadContentRoot(content);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect((await run()).stdout).toContain('Files: 4 skipped (already exist)');
    expect((await run('--force')).stdout).toContain('Files: 4 overwritten (--force)');
  });
});

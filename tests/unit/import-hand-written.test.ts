/**
 * The changelog importer on hand-maintained histories (issue 18), class by class, with small
 * inputs written here: version lines, dates, breaking markers, section titles, anomalies,
 * credits, narrative, anchors and relative links. `tests/fixtures/import/hand-written.md` holds
 * them together for the command-level tests.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { importChangelog } from '../../src/import/changelog.ts';
import { readDate } from '../../src/import/changelog-dates.ts';
import { parseVersionHeading } from '../../src/import/changelog-headings.ts';
import { breakingMarker } from '../../src/import/changelog-items.ts';
import { describeTarget, mapSection } from '../../src/import/changelog-sections.ts';
import { linkContext } from '../../src/import/relative-links.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hand-written.md');
const HAND_WRITTEN = readFileSync(FIXTURE, 'utf8');

/** The import of a small changelog. */
const run = (source: string, repoUrl?: string) => importChangelog(source, { product: 'web', links: linkContext(repoUrl) });
/** [version, date, title, summaries] per release. */
const shape = (source: string) =>
  run(source).releases.map((release) => [release.version, release.deployment?.finishedAt, release.title, release.changes.map((change) => change.summary)]);

describe('version lines', () => {
  it.each([
    ['Product Name 3.6.10 (2022-09-29)', { version: '3.6.10', date: '2022-09-29', prefix: 'Product Name', breaking: false }],
    ['v1.2.3', { version: '1.2.3', prefix: '', breaking: false }],
    ['[2.0.0]! - 2016-09-30', { version: '2.0.0', date: '2016-09-30', breaking: true }],
    ['9.0.1 — Security Patch', { version: '9.0.1', title: 'Security Patch' }],
    ['8.0.2 - Bug Fix Release', { version: '8.0.2', title: 'Bug Fix Release' }],
    ['@acme/web@3.1.0 - 2025-03-04 [YANKED]', { version: '3.1.0', date: '2025-03-04', yanked: true }],
    ['Version 4.0.0', { version: '4.0.0', prefix: '' }],
    ['⚠️ 4.0.0-beta.2 / 2021-11-19', { version: '4.0.0-beta.2', date: '2021-11-19', breaking: true, prefix: '' }],
    ['web-v1.4.0', { version: '1.4.0' }],
    ['2.8', { version: '2.8.0', written: '2.8', coerced: true }],
    ['6.0.0 breaking changes', { version: '6.0.0', title: 'breaking changes' }],
    ['Upgrade Guide for 9.0.0', { version: '9.0.0', prefix: 'Upgrade Guide for' }],
  ])('%s', (text, expected) => {
    expect(parseVersionHeading(text)).toMatchObject({ kind: 'version', ...expected });
  });

  it.each([
    ['[Unreleased]', { kind: 'unreleased' }],
    ['1.2.3.4', { kind: 'invalid', text: '1.2.3.4' }],
    ['Older releases', undefined],
    ['Dropped Node.js < 20 Support', undefined],
  ])('%s is no version', (text, expected) => {
    expect(parseVersionHeading(text)).toEqual(expected);
  });

  it('reads versions marked by prefixed headings, `v`, `!` and titles, and none vanish into a neighbour', () => {
    const source = [
      '# Changelog',
      '## Product Name 3.6.10 (2022-09-29)',
      '- Fixed A.',
      '## v3.6.9',
      '- Fixed B.',
      '## [2.0.0]! - 2016-09-30',
      '- Changed C.',
      '',
    ].join('\n\n');
    expect(shape(source)).toEqual([
      ['3.6.10', '2022-09-29', undefined, ['Fixed A.']],
      ['3.6.9', undefined, undefined, ['Fixed B.']],
      ['2.0.0', '2016-09-30', undefined, ['Changed C.']],
    ]);
    expect(run(source).releases[2]?.changes[0]?.breaking).toBe(true);
  });

  it('reads bold version lines, also one right under the last item of the version before', () => {
    const source = ['**1.2.0 / 2026-11-13**', '- fix: one', '- feat: two', '1.1.0 / 2026-10-01', '  - three', '', '**⚠️ 1.0.0 / 2026-09-01**', '- four'].join(
      '\n',
    );
    const result = run(source);
    expect(
      result.releases.map((release) => [
        release.version,
        release.deployment?.finishedAt,
        release.changes.map((change) => [change.type, change.summary, change.breaking]),
      ]),
    ).toEqual([
      [
        '1.2.0',
        '2026-11-13',
        [
          ['fixed', 'fix: one', false],
          ['added', 'feat: two', false],
        ],
      ],
      ['1.1.0', '2026-10-01', [['changed', 'three', false]]],
      ['1.0.0', '2026-09-01', [['changed', 'four', true]]],
    ]);
  });

  it('reads versions written as list items, with labelled lists nested under them', () => {
    const source = [
      '### Changelog',
      '',
      '- 2.8.0 (2023-11-10)',
      '  - Bugfixes:',
      '    - Fix A',
      '    - Fix B',
      '  - Export `X`',
      '- 2.7.0',
      '  - Features',
      '    - **BREAKING CHANGE** Removes default export',
      '  - Internal:',
      '    - Upgrade deps',
    ].join('\n');
    expect(run(source).releases.map((release) => [release.version, release.changes.map((change) => [change.type, change.summary, change.breaking])])).toEqual([
      [
        '2.8.0',
        [
          ['fixed', 'Fix A', false],
          ['fixed', 'Fix B', false],
          ['changed', 'Export `X`', false],
        ],
      ],
      [
        '2.7.0',
        [
          ['added', 'Removes default export', true],
          ['changed', 'Internal: Upgrade deps', false],
        ],
      ],
    ]);
  });

  it('finds patch versions one level deeper than the first heading (older release-please)', () => {
    const source =
      '### [1.0.1](https://x.example/compare) (2024-02-01)\n\n### Bug Fixes\n\n* A\n\n## [1.0.0](https://x.example) (2024-01-01)\n\n### Wibbles\n\n* B\n';
    const result = run(source);
    expect(result.releases.map((release) => [release.version, release.changes.map((change) => change.summary)])).toEqual([
      ['1.0.1', ['A']],
      ['1.0.0', ['B']],
    ]);
    expect(result.anomalies).toEqual([]);
  });

  it('stops when a file has no version at all', () => {
    expect(run('# Changelog\n\nNothing here yet.\n').releases).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['(2026-10-21)', '2026-10-21'],
    ['- October 21, 2026', '2026-10-21'],
    ['21 October 2026', '2026-10-21'],
    ['(August 26, 2018)', '2018-08-26'],
    ['2026/10/21', '2026-10-21'],
    ['2026.10.21', '2026-10-21'],
    ['Oct 21st 2026', '2026-10-21'],
    ['— 3 Sept 2025', '2025-09-03'],
  ])('%s reads as %s', (text, date) => {
    expect(readDate(text).date).toBe(date);
  });

  it.each([
    ['2025-02-30', '2025-02-30'],
    ['10/21/2026', '10/21/2026'],
    ['Octobre 21, 2026', 'Octobre 21, 2026'],
    ['released in spring 2019', 'spring 2019'],
  ])('%s cannot be read: reported as %s', (text, unreadable) => {
    expect(readDate(text)).toMatchObject({ unreadable });
  });

  it('has no date in a title without one', () => {
    expect(readDate(' — Security Patch')).toEqual({});
  });

  it('reports an unreadable date as an anomaly, never drops it in silence', () => {
    const result = run('## 1.0.0 - 10/21/2026\n\n- A.\n');
    expect(result.releases[0]?.deployment).toBeUndefined();
    expect(result.anomalies).toEqual([
      { line: 1, message: 'version 1.0.0: "10/21/2026" is not a date that can be read; imported undated (write it as YYYY-MM-DD)' },
    ]);
  });
});

describe('breaking markers', () => {
  it.each([
    ['BREAKING: drop Node 12', true, 'drop Node 12'],
    ['BREAKING drop Node 12', true, 'drop Node 12'],
    ['**BREAKING**: drop Node 12', true, 'drop Node 12'],
    ['**BREAKING** drop Node 12', true, 'drop Node 12'],
    ['**Breaking:** drop Node 12', true, 'drop Node 12'],
    ['**BREAKING CHANGE** Removes default export', true, 'Removes default export'],
    ['⚠️ BREAKING CHANGE: rename `foo`', true, 'rename `foo`'],
    ['[BREAKING] drop Node 12', true, 'drop Node 12'],
    ['Breaking: drop Node 12', true, 'drop Node 12'],
    ['breaking change: comments stay in CDATA', true, 'comments stay in CDATA'],
    ['*(config)* [**breaking**] Use empty header', true, '*(config)* Use empty header'],
    ['⚠️ feat: better errors', true, 'feat: better errors'],
    ['feat!: drop v1', true, 'feat!: drop v1'],
    ['**api!:** drop v1', true, '**api!:** drop v1'],
    ['Breaking changes after updating `semver`', false, 'Breaking changes after updating `semver`'],
    ['stop parsing BREAKING CHANGE message', false, 'stop parsing BREAKING CHANGE message'],
    ['Fix a breaking regression', false, 'Fix a breaking regression'],
  ])('%s', (markdown, breaking, summary) => {
    expect(breakingMarker(markdown)).toEqual({ breaking, summary });
  });

  it('takes a type from a prefix only when it is one (`constructor:` is no built-in lookup)', () => {
    const result = run('## 1.0.0\n\n- constructor: a new one\n- fix: the old one\n');
    expect(result.releases[0]?.changes.map((change) => change.type)).toEqual(['changed', 'fixed']);
  });

  it('writes the summary once: the page shows the badge, the marker is not repeated', () => {
    const result = run('## 1.0.0\n\n### Fixed\n\n- **Breaking:** the old cache is ignored\n');
    expect(result.releases[0]?.changes).toEqual([{ type: 'fixed', summary: 'the old cache is ignored', breaking: true }]);
  });
});

describe('section titles', () => {
  it.each([
    ['⚠️ Breaking Changes & Deprecations', 'changed, breaking, deprecated where the item says so'],
    ['[BREAKING CHANGES]', 'changed, breaking'],
    ['### Breaking', 'changed, breaking'],
    ['6.0.0 breaking changes', 'changed, breaking'],
    ['non-breaking', 'changed'],
    ['🐛 Bug Fixes', 'fixed'],
    ['Security Improvements', 'security'],
    ['New components', 'added'],
    ['Updated plugins', 'changed'],
    ["What's Changed", 'changed'],
    ['Contributors to this release', 'release body (credits)'],
    ['New Contributors ❤️', 'release body (credits)'],
    ['Upgrade Guide for 9.0.0', 'release body (narrative)'],
    ['Example Usage', 'release body (narrative)'],
    ['Files Changed', 'release body (narrative)'],
    ['Wibbles', 'changed (unknown section)'],
  ])('%s -> %s', (title, target) => {
    expect(describeTarget(mapSection(title))).toBe(target);
  });

  it('turns "deprecate" items of a "Breaking Changes & Deprecations" section into deprecations', () => {
    const source = '## 1.0.0\n\n### ⚠️ Breaking Changes & Deprecations\n\n- Drop Node 12\n- Deprecate the `legacy` option\n';
    expect(run(source).releases[0]?.changes).toEqual([
      { type: 'changed', summary: 'Drop Node 12', breaking: true },
      { type: 'deprecated', summary: 'Deprecate the `legacy` option', breaking: false },
    ]);
  });
});

describe('anomalies', () => {
  it.each([
    [
      'a heading where versions are that names none',
      '## 1.1.0\n\n- A.\n\n## Older releases\n\n- B.\n',
      'line 5: heading "Older releases" sits where versions do but names none: its content is not imported',
    ],
    [
      'a section title that names a version',
      '## 6.0.0\n\n### 6.0.0 breaking changes\n\n- A.\n',
      'line 3: section "6.0.0 breaking changes" names a version: read as a section of 6.0.0 (changed, breaking)',
    ],
    [
      'a heading that is not SemVer',
      '## 1.2.3.4\n\n- A.\n',
      'line 1: heading "1.2.3.4" is not a SemVer version: 1 piece(s) of content under it not imported (listed below)',
    ],
    [
      'a date that cannot be read',
      '## 1.0.0 (Octobre 21, 2026)\n\n- A.\n',
      'line 1: version 1.0.0: "Octobre 21, 2026" is not a date that can be read; imported undated (write it as YYYY-MM-DD)',
    ],
    [
      'items before the first version',
      '# Changelog\n\n- A lost change.\n\n## 1.0.0\n\n- A.\n',
      'line 3: a list of 1 item(s) before the first version: not imported (is a version heading missing?)',
    ],
    [
      'a release with far more changes than its neighbours',
      ['## 1.2.0', '- A.', '## 1.1.0', ...Array.from({ length: 60 }, (_, index) => `- Change ${index}.`), '## 1.0.0', '- B.', ''].join('\n'),
      'line 3: version 1.1.0 has 60 changes, more than 4 times the 1 of any of its 2 neighbours: check that no version heading below it was missed',
    ],
  ])('%s', (_, source, expected) => {
    const result = run(source);
    expect(result.anomalies.map((anomaly) => `line ${anomaly.line}: ${anomaly.message}`)).toEqual([expected]);
  });

  it('the heading that names no version takes nothing from the release above it', () => {
    const result = run('## 1.1.0\n\n- A.\n\n## Older releases\n\n- B.\n');
    expect(result.releases.map((release) => [release.version, release.changes.map((change) => change.summary)])).toEqual([['1.1.0', ['A.']]]);
    expect(result.unmapped.filter((item) => item.outcome === 'not imported')).toEqual([
      { under: 'Older releases', line: 7, text: '- B.', outcome: 'not imported', reason: 'heading "Older releases" names no version' },
    ]);
  });

  it('a known section at the level of versions belongs to the release above (git-cliff\'s "## New Contributors")', () => {
    const result = run('## 1.1.0\n\n### Fixed\n\n- A.\n\n## New Contributors\n\n* @x made their first contribution\n');
    expect(result.anomalies).toEqual([]);
    expect(result.releases[0]?.body).toBe('## New Contributors\n\n* @x made their first contribution');
  });
});

describe('credits, narrative and anchors', () => {
  const result = run(HAND_WRITTEN);
  const release = (version: string) => result.releases.find((candidate) => candidate.version === version);

  it('keeps contributor lists, "Thanks to …" items and avatars as credits in the body, with a count', () => {
    expect(release('3.7.0')?.body).toContain('### Contributors to this release\n\n- [@alice](https://github.com/alice)\n- [@bob](https://github.com/bob)');
    expect(release('3.6.10')?.changes.map((change) => change.summary)).toEqual(['Faster parsing.']);
    expect(release('3.6.10')?.body).toBe('- Thanks to @carol for the review!\n- [![@dave](https://avatars.example/dave.png)](https://github.com/dave)');
    expect(result.warnings).toContain('2 credit item(s) ("Thanks to …", avatar lists) kept in the release bodies, not imported as changes.');
  });

  it('keeps the narrative whole (labelled lists, code) and leaves no empty heading or orphaned label', () => {
    expect(release('3.7.0')?.body).toBe(
      [
        '### 🐛 Fixes',
        '**Migration notes:**',
        '- Run `acme migrate`.\n- Read the ![diagram](./img/flow.png) first.',
        '```sh\nnpx acme migrate --from 3.6\n```',
        '### Contributors to this release',
        '- [@alice](https://github.com/alice)\n- [@bob](https://github.com/bob)',
      ].join('\n\n'),
    );
    expect(release('3.7.0')?.body).not.toContain('Breaking Changes & Deprecations');
    expect(release('3.0.0')?.body).toBe('');
  });

  it('keeps the title of a heading and takes sub-headings of a change section as the scope of their items', () => {
    expect(release('3.6.10')?.title).toBe('Performance Patch');
    const scoped = run('## 9.0.0\n\n### Breaking Changes\n\n**Build output:**\n\n- ESM in `dist/esm/`\n\n#### Dropped Node.js < 20\n\n- Node.js 20 required\n');
    expect(scoped.releases[0]?.changes.map((change) => [change.summary, change.breaking])).toEqual([
      ['**Build output**: ESM in `dist/esm/`', true],
      ['**Dropped Node.js < 20:** Node.js 20 required', true],
    ]);
    expect(scoped.releases[0]?.body).toBe('');
  });

  it('lists HTML anchors with the version they name, never in the body of the release above', () => {
    expect(result.skipped).toContain('line 34: HTML anchor <a name="3.6.10"></a> (of 3.6.10, which has a page of its own)');
    expect(result.releases.some((candidate) => candidate.body.includes('<a name'))).toBe(false);
  });
});

describe('relative links', () => {
  it('are rewritten against --repo-url: files to blob/HEAD, images to raw/HEAD, link definitions too', () => {
    const result = run(HAND_WRITTEN, 'https://github.com/acme/web');
    const summaries = result.releases.flatMap((release) => release.changes.map((change) => change.summary));
    expect(summaries).toContain('Fix a crash on empty files ([FAQ](https://github.com/acme/web/blob/HEAD/docs/faq.md#empty))');
    expect(summaries).toContain(
      '[`order`](https://github.com/acme/web/blob/HEAD/docs/rules/order.md): sort type imports ([docs](https://github.com/acme/web/blob/HEAD/docs/rules/order.md))',
    );
    expect(result.releases[0]?.body).toContain('![diagram](https://github.com/acme/web/raw/HEAD/img/flow.png)');
    expect(result.relativeLinks.map((link) => [link.line, link.url, link.rewritten])).toEqual([
      [17, 'docs/faq.md#empty', 'https://github.com/acme/web/blob/HEAD/docs/faq.md#empty'],
      [18, './docs/rules/order.md', 'https://github.com/acme/web/blob/HEAD/docs/rules/order.md'],
      [23, './img/flow.png', 'https://github.com/acme/web/raw/HEAD/img/flow.png'],
      [60, './docs/rules/order.md', 'https://github.com/acme/web/blob/HEAD/docs/rules/order.md'],
    ]);
    expect(result.warnings.some((warning) => warning.includes('relative link'))).toBe(false);
  });

  it('resolve against a folder of the repository, and never climb out of it', () => {
    const source = '## 1.0.0\n\n- See [x](../README.md) and <a href="docs/a.md">a</a>.\n';
    expect(run(source, 'https://github.com/acme/mono/blob/main/packages/web/').releases[0]?.changes[0]?.summary).toBe(
      'See [x](https://github.com/acme/mono/blob/main/packages/README.md) and <a href="https://github.com/acme/mono/blob/main/packages/web/docs/a.md">a</a>.',
    );
    expect(run('## 1.0.0\n\n- [x](../../../x.md)\n', 'https://github.com/acme/web').releases[0]?.changes[0]?.summary).toBe(
      '[x](https://github.com/acme/web/blob/HEAD/x.md)',
    );
  });

  it('without --repo-url are kept and reported as warnings', () => {
    const result = run(HAND_WRITTEN);
    expect(result.relativeLinks.every((link) => link.rewritten === undefined)).toBe(true);
    expect(result.warnings).toContain(
      '4 relative link(s) kept as written (listed under Relative links): on a hub page they point into the hub, where no such file is, and the build fails on them (its link check; for an image in a body, Astro\'s "Could not resolve"). Pass --repo-url <the repository\'s web address> to rewrite them.',
    );
  });
});

describe('release-hub import changelog on a hand-written file', () => {
  const cli = async (content: string, ...extra: string[]) => {
    const args = [path.join(REPO_ROOT, 'bin/release-hub.mjs'), 'import', 'changelog', FIXTURE, '--product', 'web', '--content', content, ...extra];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('stops on the anomaly with exit 1 and writes nothing; with --accept-anomalies it writes, links rewritten', { timeout: 120_000 }, async () => {
    const content = await mkdtemp(path.join(os.tmpdir(), 'hub-hand-'));
    try {
      await cp(path.join(REPO_ROOT, 'tests/fixtures/import/hub'), content, { recursive: true });
      const stopped = await cli(content, '--repo-url', 'https://github.com/acme/web');
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toContain(
        'Anomalies (1):\n  - line 56: version 2.0.0: "Octobre 2017" is not a date that can be read; imported undated (write it as YYYY-MM-DD)',
      );
      expect(stopped.stdout).toContain('Stopped: 1 anomaly (listed above)');
      expect(stopped.stderr).toContain('error: 1 anomaly found; nothing was written');
      await expect(readdir(path.join(content, 'releases'))).rejects.toThrow();

      const accepted = await cli(content, '--repo-url', 'https://github.com/acme/web', '--accept-anomalies');
      expect(accepted.code).toBe(0);
      expect(accepted.stdout).toContain('Files: 5 written');
      const text = await readFile(path.join(content, 'releases/web/3.7.0.md'), 'utf8');
      expect(text).toContain('summary: Fix a crash on empty files ([FAQ](https://github.com/acme/web/blob/HEAD/docs/faq.md#empty))\n');
      expect(text).toContain('importedFrom: hand-written.md\n');
      const { problems } = await loadContentRoot(content);
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  });

  it('says so when a file has no version at all', async () => {
    const args = [
      path.join(REPO_ROOT, 'bin/release-hub.mjs'),
      'import',
      'changelog',
      path.join(REPO_ROOT, 'README.md'),
      '--product',
      'web',
      '--content',
      path.join(REPO_ROOT, 'tests/fixtures/import/hub'),
      '--dry-run',
    ];
    const failed = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('error: No versions found in');
  });
});

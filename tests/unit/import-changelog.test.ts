/**
 * import:changelog against real changelogs that pinned devDependencies ship (tests/unit/helpers/real-changelogs.ts).
 * Expected numbers come from the source twice: a line scanner below (independent of remark:
 * `## `/`### ` headings and top-level `- `/`* ` items, continuation lines appended), and
 * hard-coded counts checked by hand with the same kind of scan (python/grep, see comments).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readRealChangelog, type RealChangelog } from './helpers/real-changelogs.ts';
import { describe, expect, it } from 'vitest';
import { CHANGE_TYPES, type ChangeType } from '../../src/core/model.ts';
import { importChangelog, type ChangelogImport } from '../../src/import/changelog.ts';
import { countChanges, type ChangeCounts } from '../../src/import/release-draft.ts';
import { changelogLists, formatReport } from '../../src/import/report.ts';

const EDGE = path.resolve(import.meta.dirname, '../fixtures/import/edge-cases.md');

// Every section title in the four real changelogs and the type its items must get ('body': not changes).
const SECTION_TYPES: Record<string, ChangeType | 'body'> = {
  Added: 'added',
  Changed: 'changed',
  Removed: 'removed',
  Fixed: 'fixed',
  Features: 'added',
  'Bug Fixes': 'fixed',
  '⚠ BREAKING CHANGES': 'changed',
  'Code Refactoring': 'changed',
  'Build System': 'changed',
  Reverts: 'changed',
  '⛰️  Features': 'added',
  '🐛 Bug Fixes': 'fixed',
  '🚜 Refactor': 'changed',
  '📚 Documentation': 'changed',
  '⚡ Performance': 'changed',
  '🧪 Testing': 'changed',
  '⚙️ Miscellaneous Tasks': 'changed',
  '◀️ Revert': 'changed',
  Build: 'changed',
  '🎨 Styling': 'changed',
  'New Contributors ❤️': 'body',
  'Major Changes': 'changed',
  'Minor Changes': 'added',
  'Patch Changes': 'fixed',
};

interface ScannedItem {
  type: ChangeType;
  text: string;
  breaking: boolean;
}

interface Scan {
  /** Distinct versions in file order with the date of their first heading. */
  dates: Map<string, string | undefined>;
  counts: ChangeCounts;
}

const VERSION_LINE = /^#{2,3} \[?(?:@[\w.-]+\/[\w.-]+@)?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/;
const BREAKING_RAW = /\[\*\*breaking\*\*\]|^[-*] \*\*Breaking:\*\*|⚠️ \*\*BREAKING CHANGE|\*\*⚠️ BREAKING CHANGE/m;

/** Independent count: one pass over the lines, no Markdown parser. */
function scan(source: string): Scan {
  const dates = new Map<string, string | undefined>();
  const items = new Map<string, ScannedItem[]>();
  let version: string | undefined;
  let duplicate = false;
  let section: ChangeType | 'body' | undefined;
  let breakingSection = false;
  let item: ScannedItem | undefined;
  const flush = (): void => {
    if (!item || !version) return;
    const current = item;
    current.breaking ||= breakingSection || BREAKING_RAW.test(current.text);
    const list = items.get(version) ?? [];
    // A repeated version heading adds only items the first heading did not have.
    if (!duplicate || !list.some((other) => other.type === current.type && other.text === current.text)) list.push(current);
    items.set(version, list);
    item = undefined;
  };
  for (const line of source.split('\n')) {
    const versionMatch = VERSION_LINE.exec(line);
    const heading = /^#{2,3} (.*)$/.exec(line);
    if (versionMatch?.[1] || heading || /^[-*] /.test(line)) flush();
    if (versionMatch?.[1]) {
      version = versionMatch[1];
      duplicate = dates.has(version);
      if (!duplicate) dates.set(version, /\d{4}-\d{2}-\d{2}/.exec(line)?.[0]);
      section = undefined;
    } else if (heading?.[1] !== undefined) {
      const title = heading[1].trim();
      if (/^\[?unreleased/i.test(title)) version = undefined;
      else if (!(title in SECTION_TYPES)) throw new Error(`test table lacks section "${title}"`);
      section = SECTION_TYPES[title];
      breakingSection = title.includes('BREAKING') || title === 'Major Changes';
    } else if (/^[-*] /.test(line) && version && section && section !== 'body') {
      item = { type: section, text: line, breaking: false };
    } else if (item) {
      item.text += `\n${line}`;
    }
  }
  flush();
  const all = [...items.values()].flat();
  const counts = Object.fromEntries(CHANGE_TYPES.map((type) => [type, all.filter((one) => one.type === type).length]));
  return { dates, counts: { ...(counts as Record<ChangeType, number>), breaking: all.filter((one) => one.breaking).length } };
}

const loaded = new Map<string, { result: ChangelogImport; scan: Scan }>();

/** Imports a fixture and scans it (once per file: parsing the big ones takes a second). */
function load(name: RealChangelog): { result: ChangelogImport; scan: Scan } {
  const cached = loaded.get(name);
  if (cached) return cached;
  const source = readRealChangelog(name);
  const fresh = { result: importChangelog(source, { product: 'web', audience: 'public' }), scan: scan(source) };
  loaded.set(name, fresh);
  return fresh;
}

/** finishedAt by version. */
function datesOf(result: ChangelogImport): Map<string, string | undefined> {
  return new Map(result.releases.filter((release) => release.status === 'released').map((release) => [release.version, release.deployment?.finishedAt]));
}

describe.each<{ name: RealChangelog; versions: number; counts: ChangeCounts; dates: Record<string, string | undefined> }>([
  {
    name: 'keep-a-changelog',
    // python over the file: 26 `## [x.y.z] - date` headings; top-level "- " lines per "### " section:
    // Added 19, Changed 7, Removed 2, Fixed 26; no breaking marker.
    versions: 26,
    counts: { added: 19, changed: 7, deprecated: 0, removed: 2, fixed: 26, security: 0, breaking: 0 },
    dates: { '3.1.0': '2026-08-03', '3.0.0': '2026-02-21', '2.0.0': '2021-12-08' },
  },
  {
    name: 'yargs-parser',
    // 31 `## [x.y.z](compare) (date)` headings; Features 14, Bug Fixes 37; ⚠ BREAKING CHANGES 10 +
    // Code Refactoring 3 + Build System 1 + Reverts 1 = 15 changed, the 10 breaking.
    versions: 31,
    counts: { added: 14, changed: 15, deprecated: 0, removed: 0, fixed: 37, security: 0, breaking: 10 },
    dates: { '22.0.0': '2025-05-26', '21.1.1': '2022-08-04', '16.1.0': '2019-11-01' },
  },
  {
    name: 'git-cliff',
    // 55 `## [x.y.z] - date` headings; Features 151, Bug Fixes 182, the eight other sections 508;
    // `grep -c '\[\*\*breaking\*\*\]'` = 20. The 138 "New Contributors" lines go to the body.
    versions: 55,
    counts: { added: 151, changed: 508, deprecated: 0, removed: 0, fixed: 182, security: 0, breaking: 20 },
    dates: { '2.13.1': '2026-04-26', '2.12.0': '2026-01-20', '0.1.0': '2021-08-12' },
  },
  {
    name: 'ultrahtml',
    // 35 `## x.y.z` headings, no dates; Minor Changes 12, Patch Changes 37, Major Changes 2 (breaking).
    versions: 35,
    counts: { added: 12, changed: 2, deprecated: 0, removed: 0, fixed: 37, security: 0, breaking: 2 },
    dates: { '1.7.0': undefined, '1.0.0': undefined },
  },
])('import:changelog $name', ({ name, versions, counts, dates }) => {
  const { result, scan: scanned } = load(name);

  it('imports one release per distinct version, as many as the source has', () => {
    expect(result.releases.filter((release) => release.status === 'released')).toHaveLength(versions);
    expect(scanned.dates.size).toBe(versions);
    expect(result.releases.filter((release) => release.status === 'released').map((release) => release.version)).toEqual([...scanned.dates.keys()]);
  });

  it('counts changes per type as the source does', () => {
    expect(countChanges(result.releases)).toEqual(counts);
    expect(scanned.counts).toEqual(counts);
  });

  it('takes each version date from its heading as deployment.finishedAt', () => {
    expect(datesOf(result)).toEqual(scanned.dates);
    for (const [version, date] of Object.entries(dates)) expect(datesOf(result).get(version)).toBe(date);
  });

  it('maps every section and leaves nothing unaccounted for, with no anomaly', () => {
    expect(result.unmapped).toEqual([]);
    expect(result.anomalies).toEqual([]);
    expect(result.sections.every((use) => !use.target.includes('unknown'))).toBe(true);
    expect(result.releases.every((release) => release.changes.every((change) => change.summary.trim().length > 0))).toBe(true);
  });

  it('prints a report with the per-type counts', () => {
    const report = formatReport({ headline: name, releases: result.releases, results: [], warnings: result.warnings, lists: changelogLists(result) });
    expect(report).toContain(`added ${counts.added}, changed ${counts.changed}`);
  });
});

describe('import:changelog specifics of the real files', () => {
  it('keep-a-changelog: the title and introduction are skipped, link references become inline links', () => {
    const { result } = load('keep-a-changelog');
    expect(result.skipped[0]).toBe('lines 1-5: preamble before the first version (title, introduction)');
    expect(result.releases[0]?.changes.at(-1)).toEqual({
      type: 'fixed',
      summary: 'Allow to create and release versions at the same time. [#71](https://github.com/oscarotero/keep-a-changelog/issues/71)',
      breaking: false,
    });
  });

  it('yargs-parser (standard-version): BREAKING CHANGES items are breaking changes; commit links stay', () => {
    const { result } = load('yargs-parser');
    const v22 = result.releases.find((release) => release.version === '22.0.0');
    expect(v22?.changes[0]).toEqual({
      type: 'changed',
      summary: 'yargs is now ESM first ([#503](https://github.com/yargs/yargs-parser/issues/503))',
      breaking: true,
    });
    expect(v22?.changes[1]?.summary).toContain('([6d69295](https://github.com/yargs/yargs-parser/commit/6d692953ade099375c6c5e131367968b07ae8470))');
  });

  it('git-cliff: contributor lists go to the body, the trailing HTML comment is reported, the big first release is a warning', () => {
    const { result } = load('git-cliff');
    expect(result.warnings).toContain(
      'Version 0.1.0, the first release, has 79 changes (at most 9 in the releases after it): usual for a first release; check it if not.',
    );
    expect(result.releases.find((release) => release.version === '2.13.0')?.body).toMatch(
      /^## New Contributors ❤️\n\n\* @truffle-dev made their first contribution/,
    );
    expect(result.skipped).toContain('line 1886: HTML comment <!-- generated by git-cliff -->');
  });

  it('ultrahtml (changesets): undated versions are released without a date and warned about; a major change keeps its code blocks', () => {
    const { result } = load('ultrahtml');
    expect(result.releases.every((release) => release.status === 'released' && release.deployment === undefined)).toBe(true);
    expect(result.warnings[0]).toMatch(/^35 version\(s\) have no date/);
    const v100 = result.releases.find((release) => release.version === '1.0.0');
    expect(v100?.changes[0]).toMatchObject({ type: 'changed', breaking: true });
    expect(v100?.changes[0]?.summary).toContain('```js\nimport { transform } from "ultrahtml";');
  });
});

describe('import:changelog edge cases (tests/fixtures/import/edge-cases.md)', () => {
  const result = importChangelog(readFileSync(EDGE, 'utf8'), { product: 'web' });
  const release = (version: string) => result.releases.find((one) => one.version === version);

  it('turns [Unreleased] into a planned release numbered after the newest version', () => {
    expect(release('3.1.1')).toMatchObject({ status: 'planned', deployment: undefined, audience: 'internal' });
    expect(release('3.1.1')?.changes[0]?.summary).toBe('Dark mode for the [dashboard](https://example.com/dashboard "Dashboard").');
    expect(result.warnings.some((warning) => warning.includes('planned release 3.1.1'))).toBe(true);
  });

  it('reads package prefixes, [YANKED], compare links and `v` prefixes', () => {
    expect(release('3.1.0')).toMatchObject({ deployment: { finishedAt: '2025-03-04' }, tags: ['yanked'] });
    expect(release('3.1.0')?.body).toContain('**Yanked:**');
    expect(release('3.0.0')?.deployment).toEqual({ finishedAt: '2025-02-01' });
    expect(release('2.9.0')?.deployment).toBeUndefined();
  });

  it('keeps paragraphs and code outside lists as the body, with reference links inlined', () => {
    expect(release('3.0.0')?.body).toBe('Upgrade notes: read the [migration guide](https://example.com/migrate) first.\n\n```sh\nnpx acme migrate\n```');
  });

  it('maps unknown sections to changed with a warning and lists their items', () => {
    expect(result.warnings).toContain('Unknown section "Wibbles": 2 item(s) imported as changed.');
    expect(result.unmapped.filter((item) => item.outcome === 'kept as changed').map((item) => item.reason)).toEqual([
      'unknown section "Wibbles"',
      'unknown section "Wibbles"',
      'list item outside any section',
    ]);
    expect(release('3.0.0')?.changes[2]?.summary).toBe('Second unknown item.\n- nested detail kept with its parent');
  });

  it('keeps multi-paragraph items whole and resolves nested reference images', () => {
    expect(release('3.0.0')?.changes[3]).toEqual({
      type: 'security',
      summary: 'Patched CVE-2025-0001: **upgrade now**.\n\nA second paragraph, kept in the summary.',
      breaking: false,
    });
    expect(release('2.9.0')?.changes[1]?.summary).toBe(
      'The `legacy` flag. [![badge](https://example.com/badge.svg)](https://example.com/dashboard "Dashboard")',
    );
  });

  it('reads a two-part version as SemVer and reports impossible dates as anomalies instead of dropping them', () => {
    expect(release('2.8.0')?.changes).toEqual([{ type: 'added', summary: 'Lost version: not SemVer, so this item is not imported.', breaking: false }]);
    expect(result.warnings).toContain('Version "2.8" (line 49) is not SemVer: imported as 2.8.0.');
    expect(result.anomalies).toEqual([
      { line: 55, message: 'version 2.7.0: "2025-02-30" is not a date that can be read; imported undated (write it as YYYY-MM-DD)' },
    ]);
    expect(release('2.7.0')?.deployment).toBeUndefined();
  });
});

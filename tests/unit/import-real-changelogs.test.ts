/**
 * End to end over real, hand-maintained changelogs (issue 18): `release-hub import changelog`
 * runs as a user runs it, into a fresh hub; the written files are loaded by the hub loader and
 * every version, date, item and breaking flag is checked against an independent count: a line
 * scanner per file (regular expressions over the raw lines, no Markdown parser), written from
 * reading each file's convention. The figures in the comments were checked by hand with grep.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import type { Release } from '../../src/core/model.ts';
import { readRealChangelog, realChangelogPath, type RealChangelog } from './helpers/real-changelogs.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const HUB_FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/import/hub');

/** How one file marks its versions, items and breaking changes. */
interface Convention {
  /** A version line: groups 1 version, 2 date (optional); `breaking` when the line marks the release breaking. */
  version: RegExp;
  breakingRelease?: RegExp;
  /** An item line (any depth); group 1 is the indentation. */
  item: RegExp;
  /** An item that only labels the items nested under it (they are the changes). */
  label?: RegExp;
  /** A section title (heading or label paragraph): group 1. */
  section?: RegExp;
  /** Sections whose lists are narrative, not changes. */
  narrative?: RegExp;
  /** Sections whose items are breaking. */
  breakingSection?: RegExp;
  /** Items marked breaking by their text. */
  breakingItem?: RegExp;
}

interface ScannedVersion {
  version: string;
  date?: string;
  items: string[];
  breaking: number;
}

/** Independent count: one pass over the raw lines. */
function scan(source: string, convention: Convention): ScannedVersion[] {
  const versions: ScannedVersion[] = [];
  let current: ScannedVersion | undefined;
  let releaseBreaking = false;
  let section = '';
  let base: number | undefined;
  let labelIndent: number | undefined;
  let fenced = false;
  for (const line of source.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const version = convention.version.exec(line);
    if (version?.[1]) {
      current = { version: version[1], date: version[2], items: [], breaking: 0 };
      versions.push(current);
      releaseBreaking = convention.breakingRelease?.test(line) ?? false;
      section = '';
      base = undefined;
      labelIndent = undefined;
      continue;
    }
    const title = convention.section?.exec(line)?.[1];
    if (title !== undefined) {
      section = title;
      base = undefined;
      continue;
    }
    const item = convention.item.exec(line);
    if (!current || !item) continue;
    const indent = item[1]?.length ?? 0;
    base ??= indent;
    if (labelIndent !== undefined && indent <= labelIndent) labelIndent = undefined;
    if (convention.label?.test(line) && indent === base) {
      labelIndent = indent;
      continue;
    }
    const counted = labelIndent !== undefined ? indent > labelIndent && indent <= labelIndent + 4 && indent > base : indent === base;
    if (!counted || convention.narrative?.test(section)) continue;
    current.items.push(line.trim());
    const breaking = releaseBreaking || (convention.breakingSection?.test(section) ?? false) || (convention.breakingItem?.test(line) ?? false);
    if (breaking) current.breaking += 1;
  }
  return versions;
}

const CONVENTIONS: Record<string, Convention> = {
  // `**5.12.1 / 2026-11-13**`, `**⚠️ 4.0.0-beta.2 / 2021-11-19**`, `3.0.1 / 2018-02-09` (some right under an item);
  // `- deps:` labels the dependency bumps nested under it; `- ⚠️ feat: …` and `- breaking change: …` are breaking; an empty `- ` is no item.
  'fast-xml-parser': {
    version: /^(?:\*\*)?(?:⚠️ )?(\d+\.\d+\.\d+(?:-[\w.]+)?)\s+\/\s+(\d{4}-\d{2}-\d{2})\*{0,2}\s*$/,
    breakingRelease: /⚠️/,
    item: /^(\s*)- \S/,
    label: /^\s*- deps:$/,
    breakingItem: /^\s*- (?:⚠️|breaking change:)/i,
  },
  // `- 2.8.0 (2023-11-10)` at the margin, changes at two spaces, `- Bugfixes:` labels at two spaces with changes at four.
  rrule: {
    version: /^- (\d+\.\d+\.\d+(?:-\w+)?)(?: \((\d{4}-\d{2}-\d{2})\))?$/,
    item: /^( {2,})- /,
    label: /^ {2}- (?:Bugfixes|Features|Internal):?$/,
    breakingItem: /\*\*BREAKING CHANGE\*\*/,
  },
  // `## v4.5.0`, `### v4.1.0`; sections as `#### Breaking Changes` or a `Breaking changes:` paragraph.
  'ci-info': {
    version: /^#{2,3} v(\d+\.\d+\.\d+)$/,
    item: /^(\s*)- /,
    section: /^(?:#{4} |)((?<=#{4} ).*|[A-Z][\w ]*(?=:$))/,
    breakingSection: /breaking/i,
  },
  // `## 9.0.1 — Security Patch`, `## 9.0.0 - 2025-11-01`; `### ` sections (a `#### ` sub-heading stays in its section);
  // upgrade guides, compatibility notes, examples and file counts are narrative.
  sitemap: {
    version: /^## (\d+\.\d+\.\d+)(?: - (\d{4}-\d{2}-\d{2}))?/,
    item: /^(\s*)- /,
    section: /^### (.*)$/,
    narrative: /upgrade|compatibility|example|files changed/i,
    breakingSection: /^(?!non-).*breaking/i,
  },
  // `## 1.29.0 (2022-08-23)`; `* __Component__` labels its changes, nested four spaces in.
  prismjs: {
    version: /^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)/,
    item: /^(\s*)\* /,
    label: /^\* __[^_]+__:?$/,
  },
};

const run = promisify(execFile);
const roots: string[] = [];

/** `release-hub import changelog <file> --product web` into a fresh hub, as a user runs it. */
async function cli(name: RealChangelog, extra: string[] = []): Promise<{ code: number; stdout: string; root: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), `hub-real-${name}-`));
  roots.push(root);
  await cp(HUB_FIXTURE, root, { recursive: true });
  const args = [path.join(REPO_ROOT, 'bin/release-hub.mjs'), 'import', 'changelog', realChangelogPath(name), '--product', 'web', '--content', root, ...extra];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT });
    return { code: 0, stdout, root };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', root };
  }
}

/** The releases the hub loader reads back from what the import wrote. */
async function loaded(root: string): Promise<Release[]> {
  const { hub, problems } = await loadContentRoot(root);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return hub?.releases ?? [];
}

/** Letters and digits only, for finding an item's text in a summary that dropped a marker or gained a label. */
const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe.each<{ name: RealChangelog; versions: number; items: number; dated: number; breaking: number; anomalies: number }>([
  // grep: 185 version lines (`^(\*\*)?(⚠️ )?[0-9]+\.[0-9]+\.[0-9]+`), all dated (5.7.3 says 2006, as written); 426 items
  // at each version's first indentation (the four `deps:` bumps of 5.12.0 counted); 3 `⚠️` releases with 16 items, 3 marked items.
  { name: 'fast-xml-parser', versions: 185, items: 426, dated: 185, breaking: 19, anomalies: 0 },
  // grep: 33 version items (2.1.0 and 2.0.1 undated); 64 two-space items, 24 of them labels (`- Bugfixes:`), whose
  // 38 nested items are the changes: 40 + 38 = 78; one `**BREAKING CHANGE**`.
  { name: 'rrule', versions: 33, items: 78, dated: 31, breaking: 1, anomalies: 0 },
  // grep: 37 `## v` / `### v` headings, no dates; 83 `- ` items; 7 under "Breaking changes" (4.0.0: 2, 3.0.0: 2, 2.0.0: 3).
  { name: 'ci-info', versions: 37, items: 83, dated: 0, breaking: 7, anomalies: 0 },
  // grep: 39 `## x.y.z` headings, one dated (9.0.0); 189 `- ` items, 13 of them in upgrade guides and compatibility
  // notes (body): 176; 45 under breaking sections; four section titles name a version (anomalies).
  { name: 'sitemap', versions: 39, items: 176, dated: 1, breaking: 45, anomalies: 4 },
  // grep: 41 versions; 1,211 top-level `* ` items, 790 of them `* __Component__` labels whose 1,280 nested items are
  // the changes: 421 + 1,280 = 1,701; 1.8.4 has 107 changes against at most 13 around it (an anomaly to accept).
  { name: 'prismjs', versions: 41, items: 1701, dated: 41, breaking: 0, anomalies: 1 },
])('import changelog $name (end to end)', ({ name, versions, items, dated, breaking, anomalies }) => {
  const convention = CONVENTIONS[name] as Convention;
  const scanned = scan(readRealChangelog(name), convention);

  it('finds as many versions, items, dates and breaking changes as the independent count', () => {
    expect(scanned).toHaveLength(versions);
    expect(scanned.reduce((sum, version) => sum + version.items.length, 0)).toBe(items);
    expect(scanned.filter((version) => version.date).length).toBe(dated);
    expect(scanned.reduce((sum, version) => sum + version.breaking, 0)).toBe(breaking);
  });

  // Each run parses the whole file in a process of its own: allow for a loaded machine.
  it('stops on anomalies unless they are accepted, then writes every version with its items, date and breaking flags', { timeout: 120_000 }, async () => {
    // One file is enough to show the stop (prism's 3,000 lines would only double the time).
    if (anomalies > 0 && name === 'sitemap') {
      const stopped = await cli(name);
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toContain(`Anomalies (${anomalies}):`);
      expect(stopped.stdout).toContain('nothing was written');
      expect(await loaded(stopped.root)).toEqual([]);
    }
    const { code, stdout, root } = await cli(name, anomalies > 0 ? ['--accept-anomalies'] : []);
    expect(code).toBe(0);
    expect(stdout).toContain(anomalies > 0 ? `Anomalies (${anomalies}):` : 'Anomalies: none');
    expect(stdout).toContain(`Files: ${versions} written`);
    const releases = await loaded(root);
    const byVersion = new Map(releases.map((release) => [release.version, release]));
    expect(releases).toHaveLength(versions);
    for (const version of scanned) {
      const release = byVersion.get(version.version);
      expect(release, version.version).toBeDefined();
      const date = release?.deployment?.finishedAt?.toPlainDate().toString();
      expect([version.version, date, release?.changes.length, release?.changes.filter((change) => change.breaking).length]).toEqual([
        version.version,
        version.date,
        version.items.length,
        version.breaking,
      ]);
      // Each item's text is in a change of its own version (the end of its first line, letters only).
      const summaries = (release?.changes ?? []).map((change) => letters(change.summary));
      for (const item of version.items) {
        const tail = letters(item).slice(-24);
        expect(
          summaries.some((summary) => summary.includes(tail)),
          `${version.version}: ${item}`,
        ).toBe(true);
      }
    }
  });
});

/**
 * `import changelog`: a CHANGELOG.md (Keep a Changelog, release-please, git-cliff, changesets, or
 * hand-maintained) into one draft release per version. Read with remark and cut into version
 * blocks by `changelog-walk.ts`; whatever could put content under the wrong version or lose it
 * is an anomaly (`changelog-anomalies.ts`), and the import stops unless they are accepted.
 */
import type { Root, RootContent } from 'mdast';
import semver from 'semver';
import type { Audience } from '../core/model.ts';
import { outlierAnomalies } from './changelog-anomalies.ts';
import type { VersionLine } from './changelog-headings.ts';
import { restoreLines, separateVersionLines } from './changelog-lines.ts';
import { bodyText, type Anomaly, type Block, type SectionUse, type UnmappedItem } from './changelog-blocks.ts';
import { walkChangelog } from './changelog-walk.ts';
import { lineOf, parseMarkdown } from './markdown-source.ts';
import type { DraftRelease } from './release-draft.ts';
import { relativeLinkWarnings, type LinkContext, type RelativeLink } from './relative-links.ts';

export interface ChangelogOptions {
  product: string;
  /** Audience of every imported release; default internal (SPEC §1). */
  audience?: Audience;
  /** Written in `importedFrom` of every release (the changelog's file name). */
  importedFrom?: string;
  /** Relative links: rewritten against its base, recorded either way. */
  links?: LinkContext;
  /** Release times of versions the changelog gives no date, from git tags (`--dates-from-git`). */
  tagDates?: ReadonlyMap<string, { date: string; tag: string }>;
}

export interface ChangelogImport {
  releases: DraftRelease[];
  warnings: string[];
  anomalies: Anomaly[];
  unmapped: UnmappedItem[];
  /** Content deliberately left out (preamble, HTML comments, anchors, link definitions), with lines. */
  skipped: string[];
  sections: SectionUse[];
  /** Relative links found, with what they became. */
  relativeLinks: RelativeLink[];
  /** Versions dated from git tags, with the tag. */
  taggedDates: string[];
}

/** Why: the whole changelog import minus file I/O, so tests run it on the real fixtures. */
export function importChangelog(text: string, options: ChangelogOptions): ChangelogImport {
  const { source, inserted } = separateVersionLines(text.replace(/\r\n?/g, '\n'));
  const root = parseMarkdown(source);
  restoreLines(root, inserted);
  const walk = walkChangelog(root, source, options.links);
  const warnings: string[] = [];
  const anomalies = [...walk.anomalies, ...preambleAnomalies(walk.preamble), ...headingAnomalies(walk.blocks, walk.unmapped)];
  const taggedDates: string[] = [];
  const releases = releasesFrom(walk.blocks, options, warnings, taggedDates);
  const outliers = outlierAnomalies(
    releases.filter((release) => release.status === 'released'),
    lineOfVersion(walk.blocks),
  );
  anomalies.push(...outliers.anomalies);
  warnings.push(...outliers.warnings);
  warnings.push(...sectionWarnings(walk.sections.values()), ...relativeLinkWarnings(options.links?.found.values() ?? []));
  if (walk.credits > 0) warnings.push(`${walk.credits} credit item(s) ("Thanks to …", avatar lists) kept in the release bodies, not imported as changes.`);
  return {
    releases,
    warnings,
    anomalies: anomalies.sort((a, b) => a.line - b.line),
    unmapped: walk.unmapped,
    skipped: [...preambleNote(walk.preamble), ...walk.skipped, ...definitionNote(root)],
    sections: [...walk.sections.values()],
    relativeLinks: [...(options.links?.found.values() ?? [])].sort((a, b) => a.line - b.line),
    taggedDates,
  };
}

/** Why: blocks to releases: merge repeated versions, date from tags, turn [Unreleased] into a planned release. */
function releasesFrom(blocks: readonly Block[], options: ChangelogOptions, warnings: string[], taggedDates: string[]): DraftRelease[] {
  const releases = new Map<string, DraftRelease>();
  const lines = new Map<string, number[]>();
  for (const block of blocks) {
    if (block.heading.kind !== 'version') continue;
    const release = releaseFrom(block, block.heading, options);
    const seen = releases.get(release.version);
    lines.set(release.version, [...(lines.get(release.version) ?? []), block.line]);
    if (seen) mergeInto(seen, release);
    else releases.set(release.version, release);
  }
  taggedDates.push(...applyTagDates([...releases.values()], options.tagDates));
  warnings.push(...duplicateWarnings(lines, releases), ...coercedWarnings(blocks), ...breakingReleaseWarnings(blocks));
  warnings.push(...undatedWarnings([...releases.values()], options.tagDates !== undefined), ...dateOrderWarnings([...releases.values()]));
  const planned = unreleasedRelease(blocks, [...releases.keys()], options, warnings);
  return planned ? [planned, ...releases.values()] : [...releases.values()];
}

/** Why: one version block as a released draft, dated when its line has a date. */
function releaseFrom(block: Block, heading: Pick<VersionLine, 'version' | 'date' | 'yanked' | 'breaking' | 'title'>, options: ChangelogOptions): DraftRelease {
  const yanked = heading.yanked ? ['**Yanked:** this version was withdrawn after its release (marked `[YANKED]` in the changelog).'] : [];
  // `## [2.0.0]!` marks the release as breaking; unless its items say which ones break, all of them do.
  const breakAll = heading.breaking && !block.changes.some((change) => change.breaking);
  return {
    version: heading.version,
    product: options.product,
    ...(heading.title ? { title: heading.title } : {}),
    status: 'released',
    audience: options.audience ?? 'internal',
    deployment: heading.date ? { finishedAt: heading.date } : undefined,
    changes: breakAll ? block.changes.map((change) => ({ ...change, breaking: true })) : block.changes,
    tags: heading.yanked ? ['yanked'] : [],
    body: [...yanked, bodyText(block.body)].filter(Boolean).join('\n\n'),
    ...(options.importedFrom ? { importedFrom: options.importedFrom } : {}),
  };
}

/** Why: a version listed twice keeps one file: the first heading's date, the union of changes. */
function mergeInto(target: DraftRelease, extra: DraftRelease): void {
  const known = new Set(target.changes.map((change) => `${change.type}\n${change.summary}`));
  target.changes.push(...extra.changes.filter((change) => !known.has(`${change.type}\n${change.summary}`)));
  if (extra.body && !target.body.includes(extra.body)) target.body = [target.body, extra.body].filter(Boolean).join('\n\n');
  if (extra.tags.includes('yanked') && !target.tags.includes('yanked')) target.tags.push('yanked');
  if (!target.deployment && extra.deployment) target.deployment = extra.deployment;
}

/** Why: `--dates-from-git`: a version without a date in the changelog takes its tag's date. */
function applyTagDates(releases: readonly DraftRelease[], tagDates: ChangelogOptions['tagDates']): string[] {
  if (!tagDates) return [];
  const dated: string[] = [];
  for (const release of releases) {
    const tagged = tagDates.get(release.version);
    if (release.deployment || !tagged) continue;
    release.deployment = { finishedAt: tagged.date };
    dated.push(`${release.version}: ${tagged.date} (tag ${tagged.tag})`);
  }
  return dated;
}

/** Why: say which versions were merged, so the union is not a surprise. */
function duplicateWarnings(lines: ReadonlyMap<string, number[]>, releases: ReadonlyMap<string, DraftRelease>): string[] {
  return [...lines]
    .filter(([, at]) => at.length > 1)
    .map(([version, at]) => {
      const date = releases.get(version)?.deployment?.finishedAt ?? 'undated';
      return `Version ${version} appears ${at.length} times (lines ${at.join(', ')}): merged into one release (${date}, the first heading), identical items once.`;
    });
}

/** Why: `## 2.8` is read as 2.8.0; say so, so the file name is not a surprise. */
function coercedWarnings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.heading.kind === 'version' && block.heading.coerced
      ? [`Version "${block.heading.written}" (line ${block.line}) is not SemVer: imported as ${block.heading.version}.`]
      : [],
  );
}

/** Why: a release marked `!` breaks compatibility; say how that was applied. */
function breakingReleaseWarnings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.heading.kind !== 'version' || !block.heading.breaking) return [];
    const marked = block.changes.some((change) => change.breaking);
    return [
      `Version ${block.heading.version} (line ${block.line}) is marked "!" (breaking): ${marked ? 'its items marked breaking stay so' : `all ${block.changes.length} of its changes are marked breaking`}.`,
    ];
  });
}

/** Why: an undated released version never reaches the changelog, feeds or metrics: say so loudly. */
function undatedWarnings(releases: readonly DraftRelease[], triedTags: boolean): string[] {
  const undated = releases.filter((release) => !release.deployment).map((release) => release.version);
  if (undated.length === 0) return [];
  const fix = triedTags
    ? 'no git tag was found for them: add deployment.finishedAt by hand.'
    : 'give dates with --dates-from-git <repo> (tags v1.2.3, pkg@1.2.3, pkg-v1.2.3) or add deployment.finishedAt by hand.';
  return [
    `${undated.length} version(s) have no date: imported as released without deployment.finishedAt, so they do NOT appear in the customer changelog, its feeds or the metrics; ${fix} Versions: ${undated.join(', ')}.`,
  ];
}

/** Why: a changelog lists newer versions first; a date older than the one below it is usually a typo (`2006` for `2026`). */
function dateOrderWarnings(releases: readonly DraftRelease[]): string[] {
  const dated = releases.filter((release) => release.deployment?.finishedAt);
  return dated.flatMap((release, index) => {
    const below = dated[index + 1];
    const date = release.deployment?.finishedAt ?? '';
    const belowDate = below?.deployment?.finishedAt ?? '';
    if (!below || date.slice(0, 10) >= belowDate.slice(0, 10)) return [];
    return [
      `Version ${release.version} is dated ${date}, before ${below.version} (${belowDate}) listed below it: check the date (a backport released later is fine).`,
    ];
  });
}

/** Why: a line number per version, for the anomaly report. */
function lineOfVersion(blocks: readonly Block[]): Map<string, number> {
  const lines = new Map<string, number>();
  for (const block of blocks) if (block.heading.kind === 'version' && !lines.has(block.heading.version)) lines.set(block.heading.version, block.line);
  return lines;
}

/** Why: headings that look like versions but are not SemVer, and unreadable dates, lose content or dates. */
function headingAnomalies(blocks: readonly Block[], unmapped: readonly UnmappedItem[]): Anomaly[] {
  return blocks.flatMap((block): Anomaly[] => {
    if (block.heading.kind === 'invalid') {
      const count = unmapped.filter((item) => item.outcome === 'not imported' && item.under === block.headingText && item.line > block.line).length;
      return [
        {
          line: block.line,
          message: `heading "${block.headingText}" is not a SemVer version: ${count} piece(s) of content under it not imported (listed below)`,
        },
      ];
    }
    if (block.heading.kind === 'version' && block.heading.badDate) {
      return [
        {
          line: block.line,
          message: `version ${block.heading.version}: "${block.heading.badDate}" is not a date that can be read; imported undated (write it as YYYY-MM-DD)`,
        },
      ];
    }
    return [];
  });
}

/** Why: list items before the first version are changes of a version the importer did not see. */
function preambleAnomalies(preamble: readonly RootContent[]): Anomaly[] {
  return preamble
    .filter((node) => node.type === 'list')
    .map((node) => ({
      line: lineOf(node),
      message: `a list of ${node.children.length} item(s) before the first version: not imported (is a version heading missing?)`,
    }));
}

/** Why: `[Unreleased]` becomes a planned release numbered after the newest version. */
function unreleasedRelease(blocks: readonly Block[], versions: readonly string[], options: ChangelogOptions, warnings: string[]): DraftRelease | undefined {
  const [block, ...more] = blocks.filter((candidate) => candidate.heading.kind === 'unreleased');
  if (!block) return undefined;
  for (const extra of more) {
    block.changes.push(...extra.changes);
    block.body.push(...extra.body);
  }
  if (block.changes.length === 0 && !bodyText(block.body)) {
    warnings.push(`[Unreleased] (line ${block.line}) is empty: no planned release written.`);
    return undefined;
  }
  const newest = semver.rsort([...versions])[0];
  const version = newest ? (semver.inc(newest, 'patch') ?? '0.1.0') : '0.1.0';
  warnings.push(
    `[Unreleased] (line ${block.line}) imported as planned release ${version} (next patch after ${newest ?? 'nothing'}), without a date: rename it when you know the version.`,
  );
  return { ...releaseFrom(block, { version, yanked: false, breaking: false }, options), status: 'planned' };
}

/** Why: one warning per unknown section title, and one for lists outside any section. */
export function sectionWarnings(uses: Iterable<SectionUse>): string[] {
  return [...uses]
    .filter((use) => use.target.endsWith('(unknown section)'))
    .map((use) =>
      use.title === '(no section)'
        ? `${use.items} list item(s) sit directly under a version, outside any section, with no type prefix: imported as changed.`
        : `Unknown section "${use.title}": ${use.items} item(s) imported as changed.`,
    );
}

/** Why: the title and introduction before the first version are not a release; say where they were. */
function preambleNote(preamble: readonly RootContent[]): string[] {
  const first = preamble[0];
  const last = preamble.at(-1);
  if (!first || !last) return [];
  return [`lines ${lineOf(first)}-${last.position?.end.line ?? lineOf(last)}: preamble before the first version (title, introduction)`];
}

/** Why: link definitions are not content; the ones items use were inlined. */
function definitionNote(root: Root): string[] {
  const count = root.children.filter((node) => node.type === 'definition').length;
  return count ? [`${count} link reference definition(s): those used by items and bodies were inlined as links`] : [];
}

/**
 * `import:changelog`: a CHANGELOG.md (Keep a Changelog, release-please, git-cliff, changesets)
 * into one draft release per version. Read with remark; every list item becomes one change,
 * other content becomes the release body, and whatever cannot be placed is reported.
 */
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import semver from 'semver';
import type { Audience } from '../core/model.ts';
import { mapSection, parseVersionHeading, type SectionTarget, type VersionHeading } from './changelog-headings.ts';
import { collectDefinitions, lineOf, parseMarkdown, plainText, sourceOf, type Definitions } from './markdown-source.ts';
import type { DraftChange, DraftRelease } from './release-draft.ts';

export interface ChangelogOptions {
  product: string;
  /** Audience of every imported release; default internal (SPEC §1). */
  audience?: Audience;
}

/** A list item that did not land in a known section. */
export interface UnmappedItem {
  /** The release it sits under, or the heading text when that is not a version. */
  under: string;
  line: number;
  /** Markdown of the item. */
  text: string;
  outcome: 'kept as changed' | 'not imported';
  reason: string;
}

/** How often a section title occurred and where its items went. */
export interface SectionUse {
  title: string;
  target: string;
  items: number;
}

export interface ChangelogImport {
  releases: DraftRelease[];
  warnings: string[];
  unmapped: UnmappedItem[];
  /** Content deliberately left out (preamble, HTML comments, link definitions), with lines. */
  skipped: string[];
  sections: SectionUse[];
}

/** The content under one version heading, before it becomes a release. */
interface Block {
  heading: VersionHeading;
  headingText: string;
  line: number;
  changes: DraftChange[];
  body: string[];
}

interface Section {
  title: string;
  depth: number;
  target: SectionTarget;
}

/** Mutable state of one pass over the top-level nodes. */
interface Walk {
  source: string;
  definitions: Definitions;
  blocks: Block[];
  block?: Block;
  section?: Section;
  preamble: RootContent[];
  unmapped: UnmappedItem[];
  skipped: string[];
  sections: Map<string, SectionUse>;
}

// Breaking markers in an item: git-cliff's `[**breaking**]`, a leading `**Breaking:**`, or
// `BREAKING CHANGE:` / `⚠️ BREAKING CHANGE` (changesets). A mere mention such as
// "stop parsing BREAKING CHANGE message" is not a marker.
const BREAKING_MARKERS = [/\[\s*breaking\s*\]/i, /^\W*breaking(?: changes?)?\s*:/i, /BREAKING[ -]CHANGES?\s*:/, /⚠\uFE0F?\s*BREAKING[ -]CHANGES?/];
const NO_SECTION: SectionTarget = { kind: 'change', type: 'changed', breaking: false, known: false };

/** Why: the whole changelog import minus file I/O, so tests run it on the real fixtures. */
export function importChangelog(text: string, options: ChangelogOptions): ChangelogImport {
  const source = text.replace(/\r\n?/g, '\n');
  const root = parseMarkdown(source);
  const walk = walkChangelog(root, source);
  const warnings: string[] = [];
  const releases = releasesFrom(walk.blocks, options, warnings, walk.unmapped);
  warnings.push(...sectionWarnings(walk));
  return {
    releases,
    warnings,
    unmapped: walk.unmapped,
    skipped: [...preambleNote(walk.preamble), ...walk.skipped, ...definitionNote(root)],
    sections: [...walk.sections.values()],
  };
}

/** Why: one pass over the top-level nodes, splitting them into version blocks. */
function walkChangelog(root: Root, source: string): Walk {
  const walk: Walk = {
    source,
    definitions: collectDefinitions(root),
    blocks: [],
    preamble: [],
    unmapped: [],
    skipped: [],
    sections: new Map(),
  };
  for (const node of root.children) visitNode(walk, node);
  return walk;
}

/** Why: routes one top-level node: heading, list, or body content. */
function visitNode(walk: Walk, node: RootContent): void {
  if (node.type === 'heading') {
    visitHeading(walk, node);
    return;
  }
  if (node.type === 'definition' || node.type === 'thematicBreak') return;
  if (!walk.block) return void walk.preamble.push(node);
  if (node.type === 'html' && node.value.trimStart().startsWith('<!--')) {
    return void walk.skipped.push(`line ${lineOf(node)}: HTML comment ${node.value.trim().slice(0, 60)}`);
  }
  if (node.type === 'list') {
    visitList(walk, walk.block, node);
    return;
  }
  addBody(walk, walk.block, node);
}

/** Why: a heading starts a release, starts a section, or (below a section) is body text. */
function visitHeading(walk: Walk, node: Heading): void {
  const text = plainText(node).trim();
  const heading = parseVersionHeading(text);
  if (heading) {
    walk.block = { heading, headingText: text, line: lineOf(node), changes: [], body: [] };
    walk.blocks.push(walk.block);
    walk.section = undefined;
    return;
  }
  if (!walk.block) return void walk.preamble.push(node);
  if (walk.section && node.depth > walk.section.depth) {
    addBody(walk, walk.block, node);
    return;
  }
  walk.section = { title: text, depth: node.depth, target: mapSection(text) };
  if (walk.section.target.kind === 'body') addBody(walk, walk.block, node);
}

/** Why: paragraphs, code and tables outside lists belong to the release narrative. */
function addBody(walk: Walk, block: Block, node: RootContent): void {
  const text = sourceOf([node], walk.source, walk.definitions);
  if (block.heading.kind === 'invalid') {
    notImported(walk, block, node, text);
    return;
  }
  block.body.push(text);
}

/** Why: each list item becomes one change, except in body sections (kept whole). */
function visitList(walk: Walk, block: Block, list: List): void {
  const target = walk.section?.target ?? NO_SECTION;
  if (target.kind === 'body' && block.heading.kind !== 'invalid') return void block.body.push(sourceOf([list], walk.source, walk.definitions));
  for (const item of list.children) visitItem(walk, block, item, target);
}

/** Why: one list item to one change, recording anything that was not mapped cleanly. */
function visitItem(walk: Walk, block: Block, item: ListItem, target: SectionTarget): void {
  const summary = sourceOf(item.children, walk.source, walk.definitions).trim();
  if (block.heading.kind === 'invalid' || target.kind === 'body') {
    notImported(walk, block, item, summary);
    return;
  }
  if (!summary) {
    notImported(walk, block, item, '(empty list item)');
    return;
  }
  countSection(walk, target);
  if (!target.known) walk.unmapped.push(unmapped(walk, block, item, summary, 'kept as changed'));
  const text = plainText(item);
  const breaking = target.breaking || BREAKING_MARKERS.some((marker) => marker.test(text));
  block.changes.push({ type: target.type, summary, breaking });
}

/** Why: the report shows which section titles were seen and where their items went. */
function countSection(walk: Walk, target: SectionTarget): void {
  const title = walk.section?.title ?? '(no section)';
  const use = walk.sections.get(title) ?? { title, target: describeTarget(target), items: 0 };
  use.items += 1;
  walk.sections.set(title, use);
}

/** Why: a readable mapping for the report: `added`, `changed, breaking`, `changed (unknown section)`. */
function describeTarget(target: SectionTarget): string {
  if (target.kind === 'body') return 'release body';
  return `${target.type}${target.breaking ? ', breaking' : ''}${target.known ? '' : ' (unknown section)'}`;
}

/** Why: content under a non-SemVer heading is listed, never dropped silently. */
function notImported(walk: Walk, block: Block, node: RootContent, text: string): void {
  walk.unmapped.push(unmapped(walk, block, node, text, 'not imported'));
}

/** Why: builds the report entry with the reason that applies. */
function unmapped(walk: Walk, block: Block, node: RootContent, text: string, outcome: UnmappedItem['outcome']): UnmappedItem {
  const under = block.heading.kind === 'version' ? block.heading.version : block.headingText;
  let reason = walk.section ? `unknown section "${walk.section.title}"` : 'list item outside any section';
  if (block.heading.kind === 'invalid') reason = `heading "${block.headingText}" is not a SemVer version`;
  else if (text === '(empty list item)') reason = 'empty list item';
  return { under, line: lineOf(node), text, outcome, reason };
}

/** Why: blocks to releases: merge repeated versions, turn [Unreleased] into a planned release. */
function releasesFrom(blocks: readonly Block[], options: ChangelogOptions, warnings: string[], leftOut: readonly UnmappedItem[]): DraftRelease[] {
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
  warnings.push(...duplicateWarnings(lines, releases), ...undatedWarnings([...releases.values()]));
  warnings.push(...invalidHeadingWarnings(blocks, leftOut), ...badDateWarnings(blocks));
  const planned = unreleasedRelease(blocks, [...releases.keys()], options, warnings);
  return planned ? [planned, ...releases.values()] : [...releases.values()];
}

/** Why: one version block as a released draft, dated when the heading has a date. */
function releaseFrom(block: Block, heading: { version: string; date?: string; yanked: boolean }, options: ChangelogOptions): DraftRelease {
  const yanked = heading.yanked ? ['**Yanked:** this version was withdrawn after its release (marked `[YANKED]` in the changelog).'] : [];
  return {
    version: heading.version,
    product: options.product,
    status: 'released',
    audience: options.audience ?? 'internal',
    deployment: heading.date ? { finishedAt: heading.date } : undefined,
    changes: block.changes,
    tags: heading.yanked ? ['yanked'] : [],
    body: [...yanked, ...block.body].join('\n\n'),
  };
}

/** Why: a version listed twice keeps one file: the first heading's date, the union of changes. */
function mergeInto(target: DraftRelease, extra: DraftRelease): void {
  const known = new Set(target.changes.map((change) => `${change.type}\n${change.summary}`));
  target.changes.push(...extra.changes.filter((change) => !known.has(`${change.type}\n${change.summary}`)));
  if (extra.body && !target.body.includes(extra.body)) target.body = [target.body, extra.body].filter(Boolean).join('\n\n');
  if (extra.tags.includes('yanked') && !target.tags.includes('yanked')) target.tags.push('yanked');
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

/** Why: an undated version has no release time, so metrics and feeds cannot place it. */
function undatedWarnings(releases: readonly DraftRelease[]): string[] {
  const undated = releases.filter((release) => !release.deployment).map((release) => release.version);
  if (undated.length === 0) return [];
  return [`${undated.length} version(s) have no date: imported as released without deployment.finishedAt: ${undated.join(', ')}.`];
}

/** Why: names each heading that looked like a version but was not SemVer. */
function invalidHeadingWarnings(blocks: readonly Block[], leftOut: readonly UnmappedItem[]): string[] {
  return blocks
    .filter((block) => block.heading.kind === 'invalid')
    .map((block) => {
      const count = leftOut.filter((item) => item.line > block.line && item.under === block.headingText).length;
      return `Heading "${block.headingText}" (line ${block.line}) is not a SemVer version: ${count} piece(s) of content not imported (listed below).`;
    });
}

/** Why: a heading date that is no calendar date is reported, not silently treated as missing. */
function badDateWarnings(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) =>
    block.heading.kind === 'version' && block.heading.badDate
      ? [`Version ${block.heading.version} (line ${block.line}): "${block.heading.badDate}" is not a calendar date; imported undated.`]
      : [],
  );
}

/** Why: `[Unreleased]` becomes a planned release numbered after the newest version. */
function unreleasedRelease(blocks: readonly Block[], versions: readonly string[], options: ChangelogOptions, warnings: string[]): DraftRelease | undefined {
  const [block, ...more] = blocks.filter((candidate) => candidate.heading.kind === 'unreleased');
  if (!block) return undefined;
  for (const extra of more) {
    block.changes.push(...extra.changes);
    block.body.push(...extra.body);
  }
  if (block.changes.length === 0 && block.body.length === 0) {
    warnings.push(`[Unreleased] (line ${block.line}) is empty: no planned release written.`);
    return undefined;
  }
  const newest = semver.rsort([...versions])[0];
  const version = newest ? (semver.inc(newest, 'patch') ?? '0.1.0') : '0.1.0';
  warnings.push(
    `[Unreleased] (line ${block.line}) imported as planned release ${version} (next patch after ${newest ?? 'nothing'}), without a date: rename it when you know the version.`,
  );
  return { ...releaseFrom(block, { version, yanked: false }, options), status: 'planned' };
}

/** Why: one warning per unknown section title, and one for lists outside any section. */
function sectionWarnings(walk: Walk): string[] {
  return [...walk.sections.values()]
    .filter((use) => use.target.endsWith('(unknown section)'))
    .map((use) =>
      use.title === '(no section)'
        ? `${use.items} list item(s) sit directly under a version heading, outside any section: imported as changed.`
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

/**
 * One pass over a parsed changelog that cuts it into version blocks and sorts each block's
 * content: list items of change sections become changes, everything else (paragraphs, code,
 * tables, labelled lists, credits) becomes the release body, and whatever cannot be placed is
 * recorded. Versions are marked by headings, else by lines of their own (`**5.12.1 / 2026-11-13**`),
 * else by top-level list items (`- 2.8.0 (2023-11-10)` with the changes nested below).
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { ChangeType } from '../core/model.ts';
import { isBareVersionLine, parseVersionHeading, type VersionHeading, type VersionLine } from './changelog-headings.ts';
import { breakingMarker, conventionalType, isCredit, saysDeprecated, verbType } from './changelog-items.ts';
import { describeTarget, mapLabel, mapSection, namesType, UNKNOWN_SECTION, type SectionTarget } from './changelog-sections.ts';
import { collectDefinitions, lineOf, plainText, sourceOf, type Definitions } from './markdown-source.ts';
import type { DraftChange } from './release-draft.ts';
import type { LinkContext } from './relative-links.ts';

/** A heading at the level of versions that names none (`## Older releases`): its content is not imported. */
export type BlockHeading = VersionHeading | { kind: 'skipped'; text: string };

/** A piece of a release body; headings are dropped at the end when nothing follows them. */
export interface BodyPiece {
  /** Set for a heading: its depth. */
  heading?: number;
  text: string;
  /** Credits taken out of a change list: they do not keep that section's heading in the body. */
  credit?: boolean;
}

/** The content under one version marker, before it becomes a release. */
export interface Block {
  heading: BlockHeading;
  headingText: string;
  line: number;
  changes: DraftChange[];
  body: BodyPiece[];
}

/** A list item (or other content) that did not land in a known section, or was not imported. */
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

/** Something that may have put content under the wrong version or lost it: the import stops unless accepted. */
export interface Anomaly {
  line: number;
  message: string;
}

export interface Walk {
  blocks: Block[];
  preamble: RootContent[];
  unmapped: UnmappedItem[];
  /** Content deliberately left out (HTML comments, anchors), with lines. */
  skipped: string[];
  sections: Map<string, SectionUse>;
  anomalies: Anomaly[];
  /** Credit items ("Thanks to …", avatars) moved from change lists to the body. */
  credits: number;
}

/** Where the items of the current list go. */
interface Target {
  title: string;
  target: SectionTarget;
  /** Text put before each summary: a sub-heading or bold label inside a change section (`**Build Output:** `). */
  prefix: string;
}

interface Section {
  title: string;
  depth: number;
  target: SectionTarget;
}

/** A sub-heading inside a change section: a scope for its items, or a part of the body. */
interface Sub {
  depth: number;
  title: string;
  body: boolean;
}

/** Mutable state of one pass. */
interface State extends Walk {
  source: string;
  definitions: Definitions;
  links?: LinkContext;
  /** Depth of version headings; 0 when versions are lines or list items. */
  versionDepth?: number;
  block?: Block;
  section?: Section;
  sub?: Sub;
}

type Mode = 'headings' | 'lines' | 'items';

const NO_SECTION: Section = { title: '(no section)', depth: 0, target: UNKNOWN_SECTION };
const ANCHOR = /^<a\s+(?:name|id)=["']([^"']*)["']\s*\/?>\s*(?:<\/a>)?$/i;

/** Why: the whole file in one pass; the blocks come out in file order. */
export function walkChangelog(root: Root, source: string, links?: LinkContext): Walk {
  const state = newState(root, source, links);
  const mode = versionMode(root);
  if (mode !== 'headings') state.versionDepth = 0;
  const nodes = root.children;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as RootContent;
    if (mode === 'items' && node.type === 'list' && visitVersionList(state, node)) continue;
    if (mode === 'lines' && node.type === 'paragraph' && startLineBlock(state, node)) continue;
    if (visitNode(state, node, nodes[index + 1])) index++;
  }
  return state;
}

/** Why: a GitHub release body is the content of one version: every heading in it is a section. */
export function walkBody(root: Root, source: string, heading: VersionLine, links?: LinkContext): Walk {
  const state = newState(root, source, links);
  state.versionDepth = 0;
  state.block = { heading, headingText: heading.written, line: 1, changes: [], body: [] };
  state.blocks.push(state.block);
  visitNodes(state, root.children);
  return state;
}

function newState(root: Root, source: string, links: LinkContext | undefined): State {
  return {
    source,
    definitions: collectDefinitions(root),
    links,
    blocks: [],
    preamble: [],
    unmapped: [],
    skipped: [],
    sections: new Map(),
    anomalies: [],
    credits: 0,
  };
}

/** Why: a file marks its versions one way; headings win, then lines of their own, then list items. */
function versionMode(root: Root): Mode {
  const nodes = root.children;
  if (nodes.some((node) => node.type === 'heading' && parseVersionHeading(plainText(node))?.kind === 'version')) return 'headings';
  if (nodes.some((node) => node.type === 'paragraph' && versionLineOf(node))) return 'lines';
  if (nodes.some((node) => node.type === 'list' && node.children.some((item) => versionItemOf(item)))) return 'items';
  return 'headings';
}

/** Why: a paragraph that is only a version, its date and markers (`**5.12.1 / 2026-11-13**`) marks a version. */
function versionLineOf(node: Paragraph): VersionLine | undefined {
  const text = plainText(node)
    .replace(/^[\s*_]+|[\s*_]+$/g, '')
    .trim();
  if (text.includes('\n')) return undefined;
  const heading = parseVersionHeading(text);
  return isBareVersionLine(heading) ? heading : undefined;
}

/** Why: a list item whose first line is only a version (`- 2.8.0 (2023-11-10)`) is a version with its changes nested. */
function versionItemOf(item: ListItem): VersionLine | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? versionLineOf(first) : undefined;
}

/** Why: in a list of versions each item is one block; an item that names no version is reported. */
function visitVersionList(state: State, list: List): boolean {
  if (!list.children.some((item) => versionItemOf(item))) return false;
  for (const item of list.children) {
    const heading = versionItemOf(item);
    if (!heading) {
      const under = state.block ? blockName(state.block) : 'the preamble';
      state.anomalies.push({ line: lineOf(item), message: `a list item among the versions names no version: not imported (${oneLine(plainText(item))})` });
      state.unmapped.push({
        under,
        line: lineOf(item),
        text: sourceOf([item], state.source, state.definitions),
        outcome: 'not imported',
        reason: 'list item among the versions that names no version',
      });
      continue;
    }
    startBlock(state, heading, plainText(item.children[0] as Paragraph).trim(), lineOf(item));
    visitNodes(state, item.children.slice(1));
  }
  return true;
}

/** Why: a version line starts a block like a heading does. */
function startLineBlock(state: State, node: Paragraph): boolean {
  const heading = versionLineOf(node);
  if (!heading) return false;
  startBlock(state, heading, plainText(node).trim(), lineOf(node));
  return true;
}

function startBlock(state: State, heading: BlockHeading, text: string, line: number): void {
  state.block = { heading, headingText: text, line, changes: [], body: [] };
  state.blocks.push(state.block);
  state.section = undefined;
  state.sub = undefined;
}

/** Why: siblings in order; a label takes the list after it along. */
function visitNodes(state: State, nodes: readonly RootContent[]): void {
  for (let index = 0; index < nodes.length; index++) if (visitNode(state, nodes[index] as RootContent, nodes[index + 1])) index++;
}

/** Why: routes one node of a block: heading, list, label, anchor or body content; true when it used up `next` too. */
function visitNode(state: State, node: RootContent, next: RootContent | undefined): boolean {
  if (node.type === 'heading') {
    visitHeading(state, node);
    return false;
  }
  if (node.type === 'definition' || node.type === 'thematicBreak') return false;
  const anchor = anchorOf(node);
  if (anchor !== undefined) {
    const version = parseVersionHeading(ANCHOR.exec(anchor)?.[1] ?? '');
    state.skipped.push(
      `line ${lineOf(node)}: HTML anchor ${anchor}${version?.kind === 'version' ? ` (of ${version.version}, which has a page of its own)` : ''}`,
    );
    return false;
  }
  const block = state.block;
  if (!block) {
    state.preamble.push(node);
    return false;
  }
  if (node.type === 'html' && node.value.trimStart().startsWith('<!--')) {
    state.skipped.push(`line ${lineOf(node)}: HTML comment ${oneLine(node.value, 60)}`);
    return false;
  }
  if (!isVersion(block)) {
    for (const part of node.type === 'list' ? node.children : [node]) notImported(state, block, part, sourceOf([part], state.source, state.definitions));
    return false;
  }
  if (node.type === 'list') visitList(state, block, node, currentTarget(state));
  else if (node.type === 'paragraph' && next?.type === 'list' && labelOf(node)) {
    visitLabel(state, block, node, next);
    return true;
  } else addBody(state, block, node);
  return false;
}

/** Why: `<a name="1.0.0"></a>` above a version heading marks that version in the file; on the hub it has a page of its own. */
function anchorOf(node: RootContent): string | undefined {
  const parts = node.type === 'html' ? [node] : node.type === 'paragraph' ? node.children : [];
  if (parts.length === 0 || !parts.every((part) => part.type === 'html')) return undefined;
  const html = parts
    .map((part) => (part as { value: string }).value)
    .join('')
    .trim();
  return ANCHOR.test(html) ? html : undefined;
}

/** What a heading does. */
type HeadingAction = { kind: 'block'; heading: BlockHeading } | { kind: 'preamble' } | { kind: 'section' } | { kind: 'not imported' };

/** Why: a heading starts a release, a section or a sub-section, or is skipped (and reported). */
function visitHeading(state: State, node: Heading): void {
  const text = plainText(node).trim();
  const action = headingAction(state, node, text);
  const block = state.block;
  if (action.kind === 'block') startBlock(state, action.heading, text, lineOf(node));
  else if (action.kind === 'preamble' || !block) state.preamble.push(node);
  else if (action.kind === 'section') visitSectionHeading(state, block, node, text);
  else notImported(state, block, node, text);
}

/** Why: decides what a heading is from its text, its depth and the block it is in, recording anomalies. */
function headingAction(state: State, node: Heading, text: string): HeadingAction {
  const heading = parseVersionHeading(text);
  const block = state.block;
  const line = lineOf(node);
  if (heading && (state.versionDepth === undefined || !block)) {
    state.versionDepth ??= node.depth;
    return { kind: 'block', heading };
  }
  if (!block) return { kind: 'preamble' };
  if (node.depth <= (state.versionDepth ?? node.depth)) {
    if (heading) return { kind: 'block', heading };
    // git-cliff writes `## New Contributors` at the level of its versions: a known title is a section of the release above.
    if (mapSection(text) !== UNKNOWN_SECTION && isVersion(block)) return { kind: 'section' };
    state.anomalies.push({ line, message: `heading "${text}" sits where versions do but names none: its content is not imported` });
    return { kind: 'block', heading: { kind: 'skipped', text } };
  }
  if (heading?.kind === 'version' && isBareVersionLine(heading) && !sameVersion(block, heading)) return { kind: 'block', heading };
  if (!isVersion(block)) return { kind: 'not imported' };
  if (heading && heading.kind !== 'unreleased') {
    state.anomalies.push({
      line,
      message: `section "${text}" names a version: read as a section of ${blockName(block)} (${describeTarget(mapSection(text))})`,
    });
  }
  return { kind: 'section' };
}

/** Why: below a version heading: a new section, a scope or body part inside a change section, or body text. */
function visitSectionHeading(state: State, block: Block, node: Heading, text: string): void {
  const section = state.section;
  if (state.sub && node.depth <= state.sub.depth) state.sub = undefined;
  if (!section || node.depth <= section.depth) {
    state.section = { title: text, depth: node.depth, target: mapSection(text) };
    state.sub = undefined;
  } else if (section.target.kind === 'change' && !state.sub) {
    state.sub = { depth: node.depth, title: text, body: mapSection(text).kind === 'body' };
  }
  block.body.push({ heading: node.depth, text: sourceOf([node], state.source, state.definitions, state.links) });
}

/** Why: the target of a list at this point: the section's, with a sub-heading as scope. */
function currentTarget(state: State): Target {
  const section = state.section ?? NO_SECTION;
  const sub = state.sub;
  if (sub?.body) return { title: sub.title, target: { kind: 'body', why: 'narrative' }, prefix: '' };
  const target =
    sub && section.target.kind === 'change' ? { ...section.target, breaking: section.target.breaking || isBreakingTitle(sub.title) } : section.target;
  return { title: section.title, target, prefix: sub ? `**${sub.title}:** ` : '' };
}

function isBreakingTitle(title: string): boolean {
  const target = mapSection(title);
  return target.kind === 'change' && target.breaking;
}

/** Why: a short bold paragraph (`**Bug fixes:**`) or one ending in a colon, right before a list, labels that list. */
function labelOf(node: Paragraph): string | undefined {
  const text = plainText(node).trim();
  if (text.length > 80 || text.includes('\n')) return undefined;
  const [first] = node.children;
  const bold = node.children.length <= 2 && (first?.type === 'strong' || first?.type === 'emphasis');
  if (!bold && !text.endsWith(':')) return undefined;
  return text.replace(/:$/, '').trim();
}

/** Why: a labelled list is a section (`**Fixes:**`), credits, a scope inside a change section, or narrative. */
function visitLabel(state: State, block: Block, label: Paragraph, list: List): void {
  const text = labelOf(label) ?? '';
  const mapped = labelTarget(text);
  const here = currentTarget(state);
  const labelSource = sourceOf([label], state.source, state.definitions, state.links);
  if (mapped?.kind === 'change') visitList(state, block, list, { title: text, target: mapped, prefix: here.prefix });
  else if (!mapped && here.target.kind === 'change' && state.section) {
    visitList(state, block, list, { ...here, prefix: `${here.prefix}${labelSource.replace(/:$/, '').replace(/:(\*\*|__)$/, '$1')}: ` });
  } else {
    addBody(state, block, label);
    visitList(state, block, list, { title: text, target: mapped ?? { kind: 'body', why: 'narrative' }, prefix: '' });
  }
}

// Words that make a label paragraph narrative (`**Migration notes:**`); narrower than for headings, as labels name
// components too (prism's `__Highlight Keywords__`).
const NARRATIVE_LABEL = /\b(?:upgrad(?:e|ing)|migrat(?:e|ing|ion)|notes?|examples?|usage|how to|known issues?)\b/i;

/** Why: a label is a section when it is exactly a section title, and narrative when its words say so. */
function labelTarget(label: string): SectionTarget | undefined {
  return mapLabel(label) ?? (NARRATIVE_LABEL.test(label) ? { kind: 'body', why: 'narrative' } : undefined);
}

/** Why: each list item becomes one change, except in body sections (kept whole). */
function visitList(state: State, block: Block, list: List, target: Target): void {
  if (target.target.kind === 'body') {
    countSection(state, target.title, describeTarget(target.target), list.children.length);
    return void block.body.push({ text: sourceOf([list], state.source, state.definitions, state.links) });
  }
  const credits: ListItem[] = [];
  for (const item of list.children) if (!visitItem(state, block, item, target)) credits.push(item);
  if (credits.length > 0) {
    state.credits += credits.length;
    block.body.push({ text: credits.map((item) => sourceOf([item], state.source, state.definitions, state.links).trim()).join('\n'), credit: true });
  }
}

/** Why: one list item to one change (or, for a labelled item, its nested items); false for a credit. */
function visitItem(state: State, block: Block, item: ListItem, target: Target): boolean {
  const [first, nested, ...more] = item.children;
  if (first?.type === 'paragraph' && nested?.type === 'list' && more.length === 0) {
    const labelled = labelledItem(state, first, target);
    if (labelled) {
      if (labelled.target.kind === 'body') return false;
      visitList(state, block, nested, labelled);
      return true;
    }
  }
  const markdown = sourceOf(item.children, state.source, state.definitions, state.links).trim();
  const plain = plainText(item);
  if (!markdown) {
    state.unmapped.push({ under: blockName(block), line: lineOf(item), text: '(empty list item)', outcome: 'not imported', reason: 'empty list item' });
    return true;
  }
  if (isCredit(plain, markdown)) return false;
  block.changes.push(changeFrom(state, block, item, target, markdown, plain));
  return true;
}

/** Why: `- Bugfixes:` with nested items is a section; `- __Bash__` with nested items is a scope; other items are changes. */
function labelledItem(state: State, first: Paragraph, target: Target): Target | undefined {
  const text = plainText(first).trim();
  const label = text.replace(/:$/, '').trim();
  if (text.length > 60 || text.includes('\n')) return undefined;
  const mapped = mapLabel(label);
  if (mapped?.kind === 'body') return { title: label, target: mapped, prefix: '' };
  const labelSource = sourceOf([first], state.source, state.definitions, state.links).replace(/:$/, '');
  // `- Bugfixes:` names the type of its items; `- deps:` or `- Internal:` is also what they are about.
  if (mapped) return { title: label, target: mapped, prefix: namesType(label) ? target.prefix : `${target.prefix}${labelSource}: ` };
  const onlyBold = first.children.length <= 2 && (first.children[0]?.type === 'strong' || first.children[0]?.type === 'emphasis');
  if (!onlyBold || /[.!?]$/.test(label)) return undefined;
  return { ...target, prefix: `${target.prefix}${labelSource}: ` };
}

/** Why: the change an item makes: its type, breaking flag and summary, recording anything not mapped cleanly. */
function changeFrom(state: State, block: Block, item: ListItem, target: Target, markdown: string, plain: string): DraftChange {
  const section = target.target.kind === 'change' ? target.target : UNKNOWN_SECTION;
  const marker = breakingMarker(markdown);
  const conventional = section.generic || !section.known ? conventionalType(plain) : undefined;
  const verb = conventional || !(section.generic || !section.known) ? undefined : verbType(plain);
  const typed = conventional ?? verb;
  let type: ChangeType = typed ?? section.type;
  let breaking = section.breaking || marker.breaking;
  if (section.deprecations && saysDeprecated(plain)) {
    type = 'deprecated';
    breaking = marker.breaking;
  }
  const how = conventional
    ? `${conventional} (from the item's Conventional Commits prefix)`
    : verb
      ? `${verb} (from the item's first word)`
      : describeTarget(section);
  countSection(state, target.title, how, 1);
  if (!section.known && !typed) {
    const reason = target.title === NO_SECTION.title ? 'list item outside any section' : `unknown section "${target.title}"`;
    state.unmapped.push({ under: blockName(block), line: lineOf(item), text: markdown, outcome: 'kept as changed', reason });
  }
  return { type, summary: `${target.prefix}${marker.summary}`, breaking };
}

/** Why: the report shows which section titles were seen and where their items went. */
function countSection(state: State, title: string, target: string, items: number): void {
  const key = `${title}\n${target}`;
  const use = state.sections.get(key) ?? { title, target, items: 0 };
  use.items += items;
  state.sections.set(key, use);
}

/** Why: paragraphs, code, tables and HTML outside change lists belong to the release narrative. */
function addBody(state: State, block: Block, node: RootContent): void {
  block.body.push({ text: sourceOf([node], state.source, state.definitions, state.links) });
}

/** Why: content under a heading that is no version is listed, never dropped silently. */
function notImported(state: State, block: Block, node: Nodes, text: string): void {
  const reason =
    block.heading.kind === 'skipped' ? `heading "${block.headingText}" names no version` : `heading "${block.headingText}" is not a SemVer version`;
  state.unmapped.push({ under: blockName(block), line: lineOf(node), text, outcome: 'not imported', reason });
}

function isVersion(block: Block): boolean {
  return block.heading.kind === 'version' || block.heading.kind === 'unreleased';
}

function sameVersion(block: Block, heading: VersionLine): boolean {
  return block.heading.kind === 'version' && block.heading.version === heading.version;
}

/** Why: how the report names a block: its version, or its heading text. */
export function blockName(block: Block): string {
  if (block.heading.kind === 'version') return block.heading.version;
  if (block.heading.kind === 'unreleased') return '[Unreleased]';
  return block.headingText;
}

/** Why: long Markdown shortened to one line for the report. */
export function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Why: a body without headings that have nothing under them (their lists became changes). */
export function bodyText(pieces: readonly BodyPiece[]): string {
  const kept = pieces.filter((piece, index) => {
    if (piece.heading === undefined) return true;
    const depth = piece.heading;
    for (const after of pieces.slice(index + 1)) {
      if (after.heading === undefined && !after.credit) return true;
      if (after.heading !== undefined && after.heading <= depth) return false;
    }
    return false;
  });
  return kept.map((piece) => piece.text).join('\n\n');
}

/**
 * One pass over a parsed changelog that cuts it into version blocks and sorts each block's
 * content: list items of change sections become changes, everything else (paragraphs, code,
 * tables, labelled lists, credits) becomes the release body, and whatever cannot be placed is
 * recorded. Versions are marked by headings, else by lines of their own (`**5.12.1 / 2026-11-13**`),
 * else by top-level list items (`- 2.8.0 (2023-11-10)` with the changes nested below).
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { isBareVersionLine, parseVersionHeading, type VersionLine } from './changelog-headings.ts';
import { addBody, type Block, type BlockHeading, blockName, isVersion, newState, notImported, oneLine, type State, type Walk } from './changelog-blocks.ts';
import { labelOf, visitLabel, visitList, currentTarget } from './changelog-lists.ts';
import { describeTarget, mapSection, UNKNOWN_SECTION } from './changelog-sections.ts';
import { lineOf, plainText, sourceOf } from './markdown-source.ts';
import type { LinkContext } from './relative-links.ts';

type Mode = 'headings' | 'lines' | 'items';

const ANCHOR = /^<a\s+(?:name|id)=["']([^"']*)["']\s*\/?>\s*(?:<\/a>)?$/i;

/** Why: the whole file in one pass; the blocks come out in file order. */
export function walkChangelog(root: Root, source: string, links?: LinkContext): Walk {
  const state = newState(root, source, links);
  const mode = versionMode(root);
  state.versionDepth = mode === 'headings' ? versionHeadingDepth(root) : 0;
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

/** Why: a file marks its versions one way; headings win, then lines of their own, then list items. */
function versionMode(root: Root): Mode {
  const nodes = root.children;
  if (nodes.some((node) => node.type === 'heading' && parseVersionHeading(plainText(node))?.kind === 'version')) return 'headings';
  if (nodes.some((node) => node.type === 'paragraph' && versionLineOf(node))) return 'lines';
  if (nodes.some((node) => node.type === 'list' && node.children.some((item) => versionItemOf(item)))) return 'items';
  return 'headings';
}

/**
 * Why: versions sit at the depth of the shallowest heading that starts with a version (release-please
 * wrote patches one level deeper, `### [1.0.1]`, and a file may begin with one).
 */
function versionHeadingDepth(root: Root): number | undefined {
  const depths = root.children.flatMap((node) => {
    if (node.type !== 'heading') return [];
    const heading = parseVersionHeading(plainText(node));
    return heading?.kind === 'version' && heading.prefix === '' ? [node.depth] : [];
  });
  return depths.length > 0 ? Math.min(...depths) : undefined;
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

function sameVersion(block: Block, heading: VersionLine): boolean {
  return block.heading.kind === 'version' && block.heading.version === heading.version;
}

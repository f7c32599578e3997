/**
 * The shapes a changelog walk works on (version blocks, body pieces, report entries, the mutable
 * state of one pass) and the small steps every part of the walk shares.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import type { VersionHeading } from './changelog-headings.ts';
import { UNKNOWN_SECTION, type SectionTarget } from './changelog-sections.ts';
import { collectDefinitions, lineOf, sourceOf, type Definitions } from './markdown-source.ts';
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
export interface Target {
  title: string;
  target: SectionTarget;
  /** Text put before each summary: a sub-heading or bold label inside a change section (`**Build Output:** `). */
  prefix: string;
}

export interface Section {
  title: string;
  depth: number;
  target: SectionTarget;
}

/** A sub-heading inside a change section: a scope for its items, or a part of the body. */
export interface Sub {
  depth: number;
  title: string;
  body: boolean;
}

/** Mutable state of one pass. */
export interface State extends Walk {
  source: string;
  definitions: Definitions;
  links?: LinkContext;
  /** Depth of version headings; 0 when versions are lines or list items. */
  versionDepth?: number;
  block?: Block;
  section?: Section;
  sub?: Sub;
}

export const NO_SECTION: Section = { title: '(no section)', depth: 0, target: UNKNOWN_SECTION };

/** Why: a fresh pass over one parsed text (a changelog, or one GitHub release's notes). */
export function newState(root: Root, source: string, links: LinkContext | undefined): State {
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

/** Why: the report shows which section titles were seen and where their items went. */
export function countSection(state: State, title: string, target: string, items: number): void {
  const key = `${title}\n${target}`;
  const use = state.sections.get(key) ?? { title, target, items: 0 };
  use.items += items;
  state.sections.set(key, use);
}

/** Why: paragraphs, code, tables and HTML outside change lists belong to the release narrative. */
export function addBody(state: State, block: Block, node: RootContent): void {
  block.body.push({ text: sourceOf([node], state.source, state.definitions, state.links) });
}

/** Why: content under a heading that is no version is listed, never dropped silently. */
export function notImported(state: State, block: Block, node: Nodes, text: string): void {
  const reason =
    block.heading.kind === 'skipped' ? `heading "${block.headingText}" names no version` : `heading "${block.headingText}" is not a SemVer version`;
  state.unmapped.push({ under: blockName(block), line: lineOf(node), text, outcome: 'not imported', reason });
}

/** Why: only blocks under a version (or [Unreleased]) take content; the others list it as not imported. */
export function isVersion(block: Block): boolean {
  return block.heading.kind === 'version' || block.heading.kind === 'unreleased';
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

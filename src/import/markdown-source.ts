/**
 * Markdown helpers for the changelog importer: parse with remark (unified + remark-parse +
 * remark-gfm) and copy pieces of the source back out by node position, so links, emphasis
 * and code survive exactly as written. Link references (`[text][ref]`, `[@user]`) are
 * rewritten to inline links, because their definitions stay behind in the changelog; links
 * relative to the repository are rewritten or recorded (`relative-links.ts`).
 */
import type { Definition, Html, Image, ImageReference, Link, LinkReference, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { handleUrl, rewriteHtml, type LinkContext } from './relative-links.ts';

/** Link definitions by mdast identifier (normalised label). */
export type Definitions = ReadonlyMap<string, Definition>;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Why: one parser configuration (CommonMark + GFM) for every changelog. */
export function parseMarkdown(source: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(source);
}

/** Why: headings are matched on their text, whatever links or emphasis they carry. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}

/** Why: every descendant, for finding definitions and link references. */
function descendants(node: Nodes): Nodes[] {
  if (!('children' in node)) return [];
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

/** Why: link references in items must be resolved against the whole file's definitions. */
export function collectDefinitions(root: Root): Definitions {
  const definitions = new Map<string, Definition>();
  for (const node of descendants(root)) {
    // CommonMark: the first definition of a label wins.
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  }
  return definitions;
}

/** Why: the 1-based source line of a node, for the report. */
export function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 0;
}

/** How one copy rewrites: the file's link definitions and what to do with repository-relative links. */
interface Copy {
  source: string;
  definitions: Definitions;
  links?: LinkContext;
}

/** Why: copies nodes' Markdown out of the source with link references inlined, relative links handled and indentation removed. */
export function sourceOf(nodes: readonly Nodes[], source: string, definitions: Definitions, links?: LinkContext): string {
  const column = nodes[0]?.position?.start.column ?? 1;
  return dedent(rewrite(nodes, { source, definitions, links }), column - 1);
}

/** Why: the source text spanned by sibling nodes, with their link references inlined. */
function rewrite(nodes: readonly Nodes[], copy: Copy): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes.at(-1)?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const replacements = nodes.flatMap((node) => replacementsIn(node, copy));
  return applyReplacements(copy.source.slice(start, end), start, replacements);
}

/** Why: finds the outermost links to rewrite (a badge image may sit inside a link reference). */
function replacementsIn(node: Nodes, copy: Copy): Replacement[] {
  const replacement =
    node.type === 'linkReference' || node.type === 'imageReference'
      ? referenceReplacement(node, copy)
      : node.type === 'link' || node.type === 'image'
        ? relativeReplacement(node, copy)
        : node.type === 'html'
          ? htmlReplacement(node, copy)
          : undefined;
  if (replacement) return [replacement];
  if (!('children' in node)) return [];
  return node.children.flatMap((child) => replacementsIn(child, copy));
}

/** Why: `[text][ref]`, `[ref]` and `![alt][ref]` become inline links that work without the definitions. */
function referenceReplacement(node: LinkReference | ImageReference, copy: Copy): Replacement | undefined {
  const definition = copy.definitions.get(node.identifier);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (!definition || start === undefined || end === undefined) return undefined;
  const image = node.type === 'imageReference';
  const label = image ? `![${node.alt ?? ''}]` : `[${rewrite(node.children, copy)}]`;
  const at = { offset: definition.position?.start.offset ?? start, line: definition.position?.start.line ?? 0 };
  const url = handleUrl(definition.url, copy.links, at, image) ?? definition.url;
  return { start, end, text: `${label}(${destination(url, definition.title)})` };
}

/** Why: an inline link or image relative to the repository is written again with its new URL. */
function relativeReplacement(node: Link | Image, copy: Copy): Replacement | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const url = handleUrl(node.url, copy.links, { offset: start, line: node.position?.start.line ?? 0 }, node.type === 'image');
  if (url === undefined) return undefined;
  const label = node.type === 'image' ? `![${node.alt ?? ''}]` : `[${rewrite(node.children, copy)}]`;
  return { start, end, text: `${label}(${destination(url, node.title)})` };
}

/** Why: raw HTML keeps its form; only its relative `href`/`src` change. */
function htmlReplacement(node: Html, copy: Copy): Replacement | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !copy.links) return undefined;
  const text = rewriteHtml(copy.source.slice(start, end), copy.links, { offset: start, line: node.position?.start.line ?? 0 });
  return { start, end, text };
}

/** Why: a destination with spaces or brackets needs `<…>`; a title needs quotes. */
function destination(url: string, title: string | null | undefined): string {
  const written = /[\s()<>]/.test(url) ? `<${url}>` : url;
  return title ? `${written} "${title.replaceAll('"', '\\"')}"` : written;
}

/** Why: rewrites source ranges, last first so earlier offsets stay valid. */
function applyReplacements(text: string, offset: number, replacements: readonly Replacement[]): string {
  let result = text;
  for (const { start, end, text: replacement } of [...replacements].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, start - offset) + replacement + result.slice(end - offset);
  }
  return result;
}

/** Why: list item content is indented under its marker; the summary should not be. */
function dedent(text: string, columns: number): string {
  if (columns <= 0) return text;
  const indent = new RegExp(`^ {0,${columns}}`);
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(indent, '')))
    .join('\n');
}

/**
 * Markdown helpers for the changelog importer: parse with remark (unified + remark-parse +
 * remark-gfm) and copy pieces of the source back out by node position, so links, emphasis
 * and code survive exactly as written. Link references (`[text][ref]`, `[@user]`) are
 * rewritten to inline links, because their definitions stay behind in the changelog.
 */
import type { Definition, ImageReference, LinkReference, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

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

/** Why: copies nodes' Markdown out of the source with link references inlined and indentation removed. */
export function sourceOf(nodes: readonly Nodes[], source: string, definitions: Definitions): string {
  const column = nodes[0]?.position?.start.column ?? 1;
  return dedent(rewrite(nodes, source, definitions), column - 1);
}

/** Why: the source text spanned by sibling nodes, with their link references inlined. */
function rewrite(nodes: readonly Nodes[], source: string, definitions: Definitions): string {
  const start = nodes[0]?.position?.start.offset;
  const end = nodes.at(-1)?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  const replacements = nodes.flatMap((node) => referenceReplacements(node, source, definitions));
  return applyReplacements(source.slice(start, end), start, replacements);
}

/** Why: finds the outermost link references (a badge image may sit inside a link reference). */
function referenceReplacements(node: Nodes, source: string, definitions: Definitions): Replacement[] {
  if (node.type === 'linkReference' || node.type === 'imageReference') {
    const replacement = referenceReplacement(node, source, definitions);
    if (replacement) return [replacement];
  }
  if (!('children' in node)) return [];
  return node.children.flatMap((child) => referenceReplacements(child, source, definitions));
}

/** Why: `[text][ref]`, `[ref]` and `![alt][ref]` become inline links that work without the definitions. */
function referenceReplacement(node: LinkReference | ImageReference, source: string, definitions: Definitions): Replacement | undefined {
  const definition = definitions.get(node.identifier);
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (!definition || start === undefined || end === undefined) return undefined;
  const label = node.type === 'imageReference' ? `![${node.alt ?? ''}]` : `[${rewrite(node.children, source, definitions)}]`;
  return { start, end, text: `${label}(${destination(definition)})` };
}

/** Why: a destination with spaces or brackets needs `<…>`; a title needs quotes. */
function destination(definition: Definition): string {
  const url = /[\s()<>]/.test(definition.url) ? `<${definition.url}>` : definition.url;
  return definition.title ? `${url} "${definition.title.replaceAll('"', '\\"')}"` : url;
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

/**
 * The headings of a release or runbook body with the ids the Markdown compiler gives them
 * (@astrojs/markdown-satteri: GFM and smart punctuation on, ids by github-slugger from each
 * heading's text, an explicit id kept), so a link such as `/runbooks/deploy-web/#rollback` can
 * be checked without building.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Slugger from 'github-slugger';
import { markdownToHast, mdxToHast, type HastNode } from 'satteri';
import { parseFrontmatterSource } from './source.ts';

const FEATURES = { gfm: true, smartPunctuation: true };

/** A body as its page shows it: whether there is anything, and its headings. */
export interface BodyOutline {
  /** The body renders to something (a release page then has its "Release notes" section). */
  hasContent: boolean;
  /** Its headings in order, with the ids the Markdown compiler gives them. */
  headings: readonly { depth: number; id: string }[];
}

/** Why: `check` and the build read each linked body once, from the content root. */
export function bodyOutlines(contentRoot: string): { outlineOf(source: { file: string }): BodyOutline } {
  const outlines = new Map<string, BodyOutline>();
  return {
    outlineOf({ file }) {
      let outline = outlines.get(file);
      if (!outline) {
        outline = outlineOfFile(path.join(contentRoot, file));
        outlines.set(file, outline);
      }
      return outline;
    },
  };
}

function outlineOfFile(file: string): BodyOutline {
  const parsed = parseFrontmatterSource(file, readFileSync(file, 'utf8'));
  const body = parsed.source?.body ?? '';
  return outlineOfBody(body, file.toLowerCase().endsWith('.mdx'));
}

/** Why: the outline of a body as text (the loader validated it already, so it parses). */
export function outlineOfBody(body: string, mdx: boolean): BodyOutline {
  const tree = mdx ? mdxToHast(body, { features: FEATURES, position: false }) : markdownToHast(body, { features: FEATURES, position: false });
  const slugger = new Slugger();
  const headings: { depth: number; id: string }[] = [];
  visit(tree, (node) => {
    const depth = /^h([1-6])$/.exec(tagOf(node) ?? '')?.[1];
    if (!depth) return;
    const explicit = (node as { properties?: { id?: unknown } }).properties?.id;
    headings.push({ depth: Number(depth), id: typeof explicit === 'string' ? explicit : slugger.slug(textOf(node)) });
  });
  return { hasContent: body.trim() !== '', headings };
}

function tagOf(node: HastNode): string | undefined {
  return node.type === 'element' ? (node as { tagName: string }).tagName : undefined;
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return (node as { value: string }).value;
  return childrenOf(node).map(textOf).join('');
}

function childrenOf(node: HastNode): HastNode[] {
  return (node as { children?: HastNode[] }).children ?? [];
}

function visit(node: HastNode, enter: (node: HastNode) => void): void {
  enter(node);
  for (const child of childrenOf(node)) visit(child, enter);
}

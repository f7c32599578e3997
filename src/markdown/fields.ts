/**
 * Markdown in data fields (change summaries, rollback reasons, incident summaries, GTM notes):
 * one safe renderer for every page and feed. Sätteri's native GitHub-flavoured parser (the mdast
 * remark-parse + remark-gfm would build, about 20 times faster) → unified:
 * remark-rehype (raw HTML dropped) → rehype-sanitize (GitHub's schema: no `javascript:` URLs,
 * no event handlers) → rehype-stringify. A remark plugin links `v2.3.0` to that release of the
 * same product (when it exists in this build's hub) and `#123` to hub.yaml `issueUrl`.
 * `findUnsafeMarkdown` reports what the renderer removes, so the build can warn about it.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Link, Nodes as MdastNodes, PhrasingContent, Root as MdastRoot } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import { SAFE_HTML_SCHEMA, SAFE_PROTOCOLS } from './sanitize.ts';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { markdownToMdast } from 'satteri';
import { unified, type Processor } from 'unified';
import type { Hub, Release } from '../core/model.ts';
import { isSemVer } from '../schemas/grammar.ts';
import { releasePath, sitePath } from '../core/urls.ts';

/** Where references in Markdown point to. */
export interface ReferenceLinks {
  /** The href of a release, or `undefined` when the release does not exist in this build (then the text stays plain). */
  releaseHref(product: string, version: string): string | undefined;
  /** hub.yaml `issueUrl` with `{id}`; without it `#123` stays plain text. */
  issueUrl?: string;
}

/** Renders the Markdown of data fields to safe HTML; results are memoised (the same summary appears on many pages). */
export interface MarkdownRenderer {
  /** Block Markdown (paragraphs, lists) as HTML. `product` is the product whose releases `v1.2.3` refers to. */
  block(source: string, product: string): string;
  /** One-line Markdown as inline HTML: a single paragraph is unwrapped. */
  inline(source: string, product: string): string;
  /** The plain text a reader sees, for feed summaries and text comparisons. */
  text(source: string, product: string): string;
}

/** One thing in a Markdown field that the renderer removes. */
export interface UnsafeMarkdown {
  /** What was found and what happens to it. */
  message: string;
  /** How to write it instead. */
  fix: string;
}

/** Why: the Markdown fields of a release, with their paths, for checks that name the field. */
export function markdownFieldsOf(release: Release): { path: PropertyKey[]; markdown: string }[] {
  const fields: { path: PropertyKey[]; markdown: string | undefined }[] = [
    { path: ['summary'], markdown: release.summary },
    ...release.changes.map((change, index) => ({ path: ['changes', index, 'summary'], markdown: change.summary })),
    ...release.changes.map((change, index) => ({ path: ['changes', index, 'advisory', 'details'], markdown: change.advisory?.details })),
    { path: ['rollback', 'reason'], markdown: release.rollback?.reason },
    ...release.incidents.map((incident, index) => ({ path: ['incidents', index, 'summary'], markdown: incident.summary })),
    { path: ['gtm', 'notes'], markdown: release.gtm?.notes },
    ...(release.deployments ?? []).map((deployment, index) => ({ path: ['deployments', index, 'notes'], markdown: deployment.notes })),
    ...(release.approvals ?? []).map((approval, index) => ({ path: ['approvals', index, 'note'], markdown: approval.note })),
    { path: ['review', 'summary'], markdown: release.review?.summary },
    ...(release.review?.wentWell ?? []).map((text, index) => ({ path: ['review', 'wentWell', index], markdown: text })),
    ...(release.review?.wentBadly ?? []).map((text, index) => ({ path: ['review', 'wentBadly', index], markdown: text })),
  ];
  return fields.filter((field): field is { path: PropertyKey[]; markdown: string } => field.markdown !== undefined);
}

/** Why: Markdown of data fields as remark-parse + remark-gfm would read it (no front matter, no smart quotes). */
function parseMarkdown(source: string): MdastRoot {
  return markdownToMdast(source, { features: { gfm: true, frontmatter: false, smartPunctuation: false }, position: false }) as MdastRoot;
}

/** Why: raw HTML and `javascript:` links are dropped silently by the renderer; the build warns so the author knows. */
export function findUnsafeMarkdown(source: string): UnsafeMarkdown[] {
  // Raw HTML and autolinks need "<", links "](" and definitions "]:": without them there is nothing to find (and no parse to pay for).
  if (!/<|\][(:]/.test(source)) return [];
  const html: string[] = [];
  const urls: string[] = [];
  visitMdast(parseMarkdown(source), (node) => {
    if (node.type === 'html') html.push(node.value);
    else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) urls.push(node.url);
  });
  const found: UnsafeMarkdown[] = [];
  if (html.length > 0) {
    found.push({
      message: `contains raw HTML (${abbreviate(html.join(' '))}), which is removed from pages and feeds`,
      fix: 'write Markdown instead of HTML (e.g. **bold**, [text](https://…))',
    });
  }
  if (urls.length > 0) {
    found.push({
      message: `links to ${urls.map((url) => `"${abbreviate(url)}"`).join(', ')}, which ${urls.length === 1 ? 'is' : 'are'} removed from pages and feeds`,
      fix: `link to a relative URL or one starting with ${[...SAFE_PROTOCOLS].map((protocol) => `${protocol}:`).join(', ')}`,
    });
  }
  return found;
}

/** Why: the same checks as rehype-sanitize: a URL without a scheme is relative; a scheme must be allowed. */
function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found.
  const compact = url.replace(/[\u0000-\u0020]/g, '');
  const scheme = /^([^/?#]*?):/.exec(compact)?.[1];
  return scheme === undefined || SAFE_PROTOCOLS.has(scheme.toLowerCase());
}

function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** The three ways a source is shown, made from one parse. */
interface Rendering {
  block: string;
  inline: string;
  text: string;
}

/** Why: one renderer per link context; each (product, source) is parsed once, whatever it is rendered as. */
export function createMarkdownRenderer(links: ReferenceLinks): MarkdownRenderer {
  // Transformers only: the tree comes from `parseMarkdown`.
  const processors = new Map<string, Processor<undefined, MdastRoot, HastRoot>>();
  // Strings only: a build holds every summary of the hub, and trees would take many times the memory.
  const renderings = new Map<string, Rendering>();
  const processorFor = (product: string) => {
    let processor = processors.get(product);
    if (!processor) {
      processor = unified()
        .use(remarkReferences, { ...links, product })
        .use(remarkRehype)
        .use(rehypeSanitize, SAFE_HTML_SCHEMA);
      processors.set(product, processor);
    }
    return processor;
  };
  const render = (source: string, product: string): Rendering => {
    if (isPlainText(source)) {
      const text = source.trim();
      return { block: `<p>${text}</p>`, inline: text, text };
    }
    const tree = processorFor(product).runSync(withSitePaths(parseMarkdown(source)));
    return {
      block: stringifier.stringify(tree),
      inline: stringifier.stringify(unwrapSingleParagraph(tree)),
      text: hastText(tree).replace(/\s+/g, ' ').trim(),
    };
  };
  const renderingOf = (source: string, product: string): Rendering => {
    const key = `${product}\u0000${source}`;
    let rendering = renderings.get(key);
    if (!rendering) {
      rendering = render(source, product);
      renderings.set(key, rendering);
    }
    return rendering;
  };
  return {
    block: (source, product) => renderingOf(source, product).block,
    inline: (source, product) => renderingOf(source, product).inline,
    text: (source, product) => renderingOf(source, product).text,
  };
}

const stringifier = unified().use(rehypeStringify);

// One line of words and punctuation that Markdown leaves as it is and HTML needs no escape for:
// it starts with a letter (no list, heading or quote marker) and has no emphasis, code, link,
// HTML, entity, table or escape character, no URL or e-mail (GFM autolinks) and no reference.
const PLAIN_TEXT = /^\p{L}[\p{L}\p{N} ,.;:!?'"()%+=/-]*$/u;
const AUTOLINK_HINT = /\/\/|www\./i;

/** Why: most summaries are plain sentences; their HTML is their text, with no Markdown parse to pay for. */
function isPlainText(source: string): boolean {
  const text = source.trim();
  if (!PLAIN_TEXT.test(text) || AUTOLINK_HINT.test(text) || text.includes('  ')) return false;
  // `v1.2.3` may become a link (`#123` cannot: "#" is not plain).
  return !new RegExp(REFERENCE.source).test(text);
}

const renderersByHub = new WeakMap<Hub, MarkdownRenderer>();

/** Why: every page of a build shares one memoised renderer whose `v1.2.3` links point at the releases of this build's hub. */
export function markdownForHub(hub: Hub): MarkdownRenderer {
  let renderer = renderersByHub.get(hub);
  if (!renderer) {
    const releaseIds = new Set(hub.releases.map((release) => release.id));
    renderer = createMarkdownRenderer({
      releaseHref: (product, version) => (releaseIds.has(`${product}/${version}`) ? releasePath({ product, version }) : undefined),
      issueUrl: hub.config.issueUrl,
    });
    renderersByHub.set(hub, renderer);
  }
  return renderer;
}

// `v1.2.3` (SemVer with optional pre-release/build) or `#123`, not inside a word, path or entity.
const REFERENCE = /(?<![\w./#&-])v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]*[0-9A-Za-z])?(?:\+[0-9A-Za-z.-]*[0-9A-Za-z])?)(?![\w-])|(?<![\w&#/])#(\d+)(?!\w)/g;
const WHOLE_VERSION = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** The remark plugin: `v1.2.3` → the release page of that version of `product`; `#123` → the issue tracker. */
function remarkReferences(options: ReferenceLinks & { product: string }) {
  const issueHref = (id: string) => options.issueUrl?.replaceAll('{id}', id);
  const versionHref = (version: string) => (isSemVer(version) ? options.releaseHref(options.product, version) : undefined);
  const link = (url: string, children: PhrasingContent[]): Link => ({ type: 'link', url, title: null, children });

  const splitText = (value: string): PhrasingContent[] => {
    const parts: PhrasingContent[] = [];
    let last = 0;
    for (const match of value.matchAll(REFERENCE)) {
      const href = match[1] !== undefined ? versionHref(match[1]) : issueHref(match[2]!);
      if (href === undefined) continue;
      if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
      parts.push(link(href, [{ type: 'text', value: match[0] }]));
      last = match.index + match[0].length;
    }
    if (last === 0) return [{ type: 'text', value }];
    if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
    return parts;
  };

  const transform = (node: MdastNodes): void => {
    if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
    const children = node.children as MdastNodes[];
    node.children = children.flatMap((child): MdastNodes[] => {
      if (child.type === 'text') return splitText(child.value);
      if (child.type === 'inlineCode') {
        // `v4.3.0` written as code still names a release: link the code.
        const version = WHOLE_VERSION.exec(child.value)?.[1];
        const href = version === undefined ? undefined : versionHref(version);
        return href === undefined ? [child] : [link(href, [child])];
      }
      transform(child);
      return [child];
    }) as typeof node.children;
  };
  return (tree: MdastRoot) => transform(tree);
}

/** Links written as hub paths (`/runbooks/rollback-web/`) get the hub's base path, as in bodies. */
function withSitePaths(tree: MdastRoot): MdastRoot {
  visitMdast(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url.startsWith('/') && !node.url.startsWith('//'))
      node.url = sitePath(node.url);
  });
  return tree;
}

/** Inline mode: `<p>text</p>` becomes `text`, so a summary fits in a heading or list item. */
function unwrapSingleParagraph(tree: HastRoot): HastRoot {
  const meaningful = tree.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = meaningful;
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'p' ? { ...tree, children: only.children } : tree;
}

function visitMdast(node: MdastNodes, visit: (node: MdastNodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) visitMdast(child, visit);
}

function hastText(node: HastRoot | HastContent | ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if ('children' in node) {
    const blocks = node.type === 'element' && /^(p|li|h[1-6]|blockquote|pre|tr|td|th)$/.test(node.tagName);
    const inner = node.children.map((child) => hastText(child)).join('');
    return blocks ? ` ${inner} ` : inner;
  }
  return '';
}

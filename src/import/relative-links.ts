/**
 * Links in imported text that are relative to the repository the changelog lives in
 * (`./docs/rules/order.md`, `docs/x.png`, `/LICENSE`): on a hub page they would point into the
 * hub, where no such file is. With `--repo-url` they are rewritten to the repository's web view;
 * without it every one is listed, and the build's link check fails on them.
 */
import { UserError } from './errors.ts';

/** One relative link found in the imported text. */
export interface RelativeLink {
  url: string;
  /** 1-based line in the source file. */
  line: number;
  /** The URL written instead, when there is a repository URL. */
  rewritten?: string;
}

/** What the Markdown copier does with relative links: rewrite against `base` (when set) and record every one. */
export interface LinkContext {
  /** Base of relative links, ending in `/`: `https://github.com/acme/web/blob/HEAD/`. */
  base?: string;
  /** Found links by source offset (a node may be copied more than once). */
  found: Map<number, RelativeLink>;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Why: `--repo-url https://github.com/acme/web` → the base its files are shown under (`…/blob/HEAD/`). */
export function linkContext(repoUrl: string | undefined): LinkContext {
  return { base: repoUrl === undefined ? undefined : linkBase(repoUrl), found: new Map() };
}

/** Why: a repository URL, or a folder in it (`…/blob/main/packages/web/`), as the base of relative links. */
export function linkBase(repoUrl: string): string {
  let url: URL;
  try {
    url = new URL(repoUrl);
  } catch {
    throw new UserError(`--repo-url "${repoUrl}" is not a URL: write the repository's web address, e.g. https://github.com/acme/web.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UserError(`--repo-url "${repoUrl}" must start with https:// or http://.`);
  const clean = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return /\/(?:-\/)?(?:blob|tree)\//.test(clean) ? `${clean}/` : `${clean}/blob/HEAD/`;
}

/** Why: the repository web address of a base, for commit links (`…/commit/<hash>`). */
export function repoRoot(repoUrl: string): string {
  return linkBase(repoUrl)
    .replace(/\/(?:-\/)?(?:blob|tree)\/.*$/, '')
    .replace(/\/$/, '');
}

/** Why: a link without a scheme or host that is not a fragment points into the repository. */
export function isRepoRelative(url: string): boolean {
  const trimmed = url.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('//') && !SCHEME.test(trimmed);
}

/** Why: resolves a repository path against the base (a folder may be given); `../` cannot climb above the repository, images use `raw/`. */
export function resolveRelative(url: string, base: string, image: boolean): string {
  const split = /^(.*?\/(?:-\/)?(?:blob|tree)\/[^/]+\/)(.*)$/.exec(base);
  const root = split?.[1] ?? base;
  const folder = split?.[2] ?? '';
  const resolved = new URL(url.trim(), `https://repository.invalid/${folder}`);
  const target = `${resolved.pathname.slice(1)}${resolved.search}${resolved.hash}`;
  return `${image ? root.replace(/\/(-\/)?(?:blob|tree)\//, '/$1raw/') : root}${target}`;
}

/** Why: one place that rewrites (or keeps) a relative URL and records it for the report. */
export function handleUrl(url: string, context: LinkContext | undefined, at: { offset: number; line: number }, image: boolean): string | undefined {
  if (!context || !isRepoRelative(url)) return undefined;
  const rewritten = context.base ? resolveRelative(url, context.base, image) : undefined;
  context.found.set(at.offset, { url, line: at.line, ...(rewritten ? { rewritten } : {}) });
  return rewritten;
}

/** Why: `href="docs/x.md"` and `src="logo.png"` in raw HTML are relative links too. */
export function rewriteHtml(html: string, context: LinkContext | undefined, at: { offset: number; line: number }): string {
  if (!context) return html;
  return html.replace(/\b(href|src)=(["'])([^"']*)\2/gi, (whole, attribute: string, quote: string, url: string, index: number) => {
    const line = at.line + (html.slice(0, index).match(/\n/g)?.length ?? 0);
    const rewritten = handleUrl(url, context, { offset: at.offset + index, line }, attribute.toLowerCase() === 'src');
    return rewritten ? `${attribute}=${quote}${rewritten}${quote}` : whole;
  });
}

/** Why: relative links without `--repo-url` stay broken on the hub; the report says so once, then lists them. */
export function relativeLinkWarnings(links: Iterable<RelativeLink>): string[] {
  const kept = [...links].filter((link) => !link.rewritten).length;
  if (kept === 0) return [];
  return [
    `${kept} relative link(s) kept as written (listed under Relative links): on a hub page they point into the hub, where no such file is, and the build fails on them (its link check; for an image in a body, Astro's "Could not resolve"). Pass --repo-url <the repository's web address> to rewrite them.`,
  ];
}

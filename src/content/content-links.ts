/**
 * Internal links written in content bodies (Markdown/MDX): found in the source so a broken one
 * fails `check` and the build naming the content file and line. Relative links in bodies
 * (`../rollback-web/`, `./docs/rules/order.md`, often left by an imported changelog) resolve
 * against the page the body is shown on; in Markdown fields they are errors of their own.
 */
import type { ContentLink, FieldLink } from '../core/model.ts';

// A link target: a site path (`/runbooks/x/`), a relative one (`../x/`, `docs/order.md`) or a
// fragment of the page itself (`#steps`), never a URL with a scheme or protocol-relative (`//host`).
const TARGET = String.raw`((?![a-z][a-z0-9+.-]*:|//)[^)\s>#"'?]*)(?:\?[^)\s>#"']*)?(?:#([^)\s>"']*))?`;
const PATTERNS = [
  new RegExp(String.raw`(?<!!)\[[^\]]*\]\(\s*<?${TARGET}>?(?:\s+"[^"]*")?\s*\)`, 'gi'), // [text](target "title"), not ![image]()
  new RegExp(String.raw`^\s{0,3}\[[^\]]+\]:\s*<?${TARGET}`, 'gim'), // [ref]: target
  new RegExp(String.raw`\bhref=["']${TARGET}["']`, 'gi'), // <a href="target">
];

// Any destination: `](x)`, `[ref]: x`, `href="x"`, `src="x"`; used for the relative ones in Markdown fields.
const ANY_PATTERNS = [/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm, /\b(?:href|src)=["']([^"']+)["']/g];

/**
 * Why: authors link between runbooks and releases; those links must resolve. Site paths are hub
 * paths; a relative link is resolved against `pagePath`, the page the body is shown on, as a
 * browser resolves it.
 */
export function findInternalLinks(body: string, firstLine: number, pagePath = '/'): ContentLink[] {
  const withoutCode = blankOutCode(body);
  const links: ContentLink[] = [];
  for (const pattern of PATTERNS) {
    for (const match of withoutCode.matchAll(pattern)) {
      const target = match[1] ?? '';
      const fragment = match[2] || undefined;
      if (!target && !fragment) continue;
      const line = firstLine + countNewlines(withoutCode, match.index ?? 0);
      if (!target) links.push({ path: pagePath, written: `#${fragment}`, fragment, line });
      else if (target.startsWith('/')) links.push({ path: target, fragment, line });
      else links.push({ path: new URL(target, `https://hub.invalid${pagePath}`).pathname, written: target, fragment, line });
    }
  }
  return links.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path, 'en'));
}

/** Why: the hub path of a release page (as `releasePath`, without the base path: links in content are hub paths). */
export function hubReleasePath(product: string, version: string): string {
  return `/releases/${product}/${version}/`;
}

/** Why: a change summary shows on several pages (release, changelog, feeds), so a relative link in it cannot work on all of them. */
export function findFieldLinks(fields: readonly { field: string; markdown: string; lineOf: () => number }[]): FieldLink[] {
  return fields.flatMap(({ field, markdown, lineOf }) => {
    const links = relativeLinks(blankOutCode(markdown));
    // The line is looked up only for a field that has such a link (a lookup reads the file's positions).
    return links.length === 0 ? [] : links.map(({ url }) => ({ field, url, line: lineOf() }));
  });
}

/** Why: `./docs/x.md`, `docs/x.md`, `../x`: no scheme, no leading `/` or `#`. */
function relativeLinks(text: string): { url: string; index: number }[] {
  const found: { url: string; index: number }[] = [];
  for (const pattern of ANY_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const url = match[1] ?? '';
      if (url && !/^(?:[a-z][a-z0-9+.-]*:|[/#])/i.test(url)) found.push({ url, index: match.index ?? 0 });
    }
  }
  return found;
}

/** Why: the hub path of a runbook page, the page its relative links resolve against. */
export function hubRunbookPath(id: string): string {
  return `/runbooks/${id}/`;
}

/** Why: code spans and fenced blocks hold examples, not links or content: blank them out, keeping line breaks. */
export function blankOutCode(text: string): string {
  return (
    text
      // Fences may be indented (a code block inside a list item).
      .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
      .replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length))
  );
}

/** Why: the line of an offset in a body is its first line plus the line breaks before it. */
export function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

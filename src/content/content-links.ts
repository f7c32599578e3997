/**
 * Internal links written in content bodies (Markdown/MDX): found in the source so a broken one
 * fails the build naming the content file and line, not just the built page. Relative links
 * (`./docs/rules/order.md`, often left by an imported changelog) are found too: they resolve
 * against the page, and the link check after the build tells which of them lead nowhere.
 */
import type { ContentLink, FieldLink } from '../core/model.ts';

const PATTERNS = [
  /\]\(\s*<?(\/[^)\s>#]*)(?:#([^)\s>]*))?>?(?:\s+"[^"]*")?\s*\)/g, // [text](/path#frag "title")
  /^\s{0,3}\[[^\]]+\]:\s*<?(\/[^\s>#]*)(?:#([^\s>]*))?/gm, // [ref]: /path#frag
  /\bhref=["'](\/[^"'#]*)(?:#([^"']*))?["']/g, // <a href="/path#frag">
];

// Any destination: `](x)`, `[ref]: x`, `href="x"`, `src="x"`; the relative ones are kept.
const ANY_PATTERNS = [/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm, /\b(?:href|src)=["']([^"']+)["']/g];

/** Why: authors link between runbooks and releases by site path; those links must resolve. */
export function findInternalLinks(body: string, firstLine: number): ContentLink[] {
  const withoutCode = blankOutCode(body);
  const links: ContentLink[] = [];
  for (const pattern of PATTERNS) {
    for (const match of withoutCode.matchAll(pattern)) {
      const path = match[1];
      if (!path || path.startsWith('//')) continue;
      const line = firstLine + countNewlines(withoutCode, match.index ?? 0);
      links.push({ path, fragment: match[2] || undefined, line });
    }
  }
  for (const { url, index } of relativeLinks(withoutCode)) links.push({ path: url, line: firstLine + countNewlines(withoutCode, index), relative: true });
  return links.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path, 'en'));
}

/** Why: a change summary shows on several pages (release, changelog, feeds), so a relative link in it cannot work on all of them. */
export function findFieldLinks(fields: readonly { field: string; markdown: string; line: number }[]): FieldLink[] {
  return fields.flatMap(({ field, markdown, line }) => relativeLinks(blankOutCode(markdown)).map(({ url }) => ({ field, url, line })));
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

/** Why: a site path maps to the file a static host serves for it. */
export function servedFile(path: string): string {
  const clean = decodeURIComponent(path.split('?')[0] ?? '/');
  if (clean.endsWith('/')) return `${clean}index.html`;
  return /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/index.html`;
}

/** Code spans and fenced blocks hold examples, not links: blank them out, keeping line breaks. */
function blankOutCode(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

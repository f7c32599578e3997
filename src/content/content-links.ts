/**
 * Internal links written in content bodies (Markdown/MDX): found in the source so a broken one
 * fails the build naming the content file and line, not just the built page.
 */
import type { ContentLink } from '../core/model.ts';

const PATTERNS = [
  /\]\(\s*<?(\/[^)\s>#]*)(?:#([^)\s>]*))?>?(?:\s+"[^"]*")?\s*\)/g, // [text](/path#frag "title")
  /^\s{0,3}\[[^\]]+\]:\s*<?(\/[^\s>#]*)(?:#([^\s>]*))?/gm, // [ref]: /path#frag
  /\bhref=["'](\/[^"'#]*)(?:#([^"']*))?["']/g, // <a href="/path#frag">
];

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
  return links.sort((a, b) => a.line - b.line || a.path.localeCompare(b.path, 'en'));
}

/** Why: a site path maps to the file a static host serves for it. */
export function servedFile(path: string): string {
  const clean = decodeURIComponent(path.split('?')[0] ?? '/');
  if (clean.endsWith('/')) return `${clean}index.html`;
  return /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/index.html`;
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

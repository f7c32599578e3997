/**
 * Escaping and clipping for the announcement formats: every piece of user text passes the escape
 * of the format it lands in, and every length-limited field is clipped with "…" (never cut inside
 * an escape, an entity or a character).
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Why: text and attribute values in the email HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/** Why: Slack reads `&`, `<` and `>` as its control characters in mrkdwn and plain text alike (its documented escape). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Why: plain text inside Markdown (the Markdown draft, Teams TextBlocks) must read as written: the
 * CommonMark punctuation that could start emphasis, code, links, HTML or autolinks is
 * backslash-escaped, and so are line starts that would make a heading, quote or list. Braces too:
 * Adaptive Cards read `{{DATE(…)}}` in text as a function.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|!{}]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/\s+/g, ' ');
}

/**
 * Why: Block Kit and Adaptive Cards reject text over a limit; clip to at most `max` characters
 * (code points) with "…", and never leave half an entity (`&am`) or a backslash escape at the end.
 */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  let kept = characters.slice(0, max - 1).join('');
  kept = kept.replace(/&[a-z#0-9]*$/i, '').replace(/(?<!\\)\\$/, '');
  // A Slack link `<url|text>` cut in half would show its raw URL: drop it whole.
  const open = kept.lastIndexOf('<');
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open);
  return `${kept.trimEnd()}…`;
}

/** Why: join lines under a limit: whole lines while they fit, then the next one clipped, then "…". */
export function joinClipped(lines: readonly string[], max: number): string {
  let text = '';
  for (const line of lines) {
    const next = text === '' ? line : `${text}\n${line}`;
    if (Array.from(next).length <= max) {
      text = next;
      continue;
    }
    return clip(next, max);
  }
  return text;
}

const htmlFragment = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify);

/** Why: a message is read away from the site: every root-relative href of safe HTML becomes absolute (with the base path). */
export function absoluteLinks(html: string, absolute: (href: string) => string): string {
  if (!html.includes('href="/')) return html;
  const tree = htmlFragment.parse(html) as Root;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const href = child.properties.href;
      if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) child.properties.href = absolute(href);
      visit(child);
    }
  };
  visit(tree);
  return htmlFragment.stringify(tree);
}

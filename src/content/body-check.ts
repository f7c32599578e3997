/**
 * What a release or runbook body may hold, checked when the content is loaded, so `release-hub
 * check` and the build report the same lines before anything is compiled: MDX that parses (the
 * same Sätteri parser compiles it), no active content (a hub page runs no script from content),
 * and nothing loaded from another host unless hub.yaml lists that host in `externalHosts`.
 */
import { mdxToMdast } from 'satteri';
import { blankOutCode, countNewlines } from './content-links.ts';
import type { Problem } from './problems.ts';

/** Tags whose content runs or reaches out: a body must not contain them. */
const ACTIVE_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'style', 'link', 'meta', 'base'];
/** Tags that load a resource from their `src` (or `poster`, `srcset`). */
const LOADING_TAGS = ['img', 'video', 'audio', 'source', 'track', 'picture'];

/** What a body may load besides its own text. */
export interface BodyRules {
  /** hub.yaml `externalHosts`: hosts media may come from. */
  externalHosts: readonly string[];
  /** Whether a local media path (`/images/a.png` in public/, `./a.png` next to the file) is a file; unknown when absent. */
  isLocalFile?: (src: string) => boolean;
}

/** Why: a broken or dangerous body is an error naming its line, in `check` as in the build. */
export function bodyProblems(file: string, body: string, firstLine: number, rules: BodyRules): Problem[] {
  const { externalHosts, isLocalFile } = rules;
  const problems: Problem[] = [];
  const at = (offset: number) => firstLine + countNewlines(body, offset);
  const error = (line: number, message: string, fix: string) => problems.push({ severity: 'error', file, line, message, fix });
  if (file.endsWith('.mdx')) {
    try {
      mdxToMdast(body);
    } catch (failure) {
      const [, line = '1', column = '1', message = String(failure)] =
        /^(\d+):(\d+): (.*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/.exec((failure as Error).message) ?? [];
      error(
        firstLine + Number(line) - 1,
        `is not valid MDX at column ${column}: ${message}`,
        'fix the MDX there (close each tag, balance each { }), or rename the file to .md for plain Markdown',
      );
      return problems;
    }
  }
  const text = blankOutCode(body);
  for (const match of text.matchAll(new RegExp(`<\\s*(${ACTIVE_TAGS.join('|')})\\b`, 'gi'))) {
    const tag = match[1]!.toLowerCase();
    error(
      at(match.index),
      `contains <${tag}>, which a hub page never takes from content`,
      `remove the <${tag}>; link to the page instead, or put the content in the body as text`,
    );
  }
  for (const match of text.matchAll(/<[a-z][\w.-]*\b[^>]*?\s(on[a-z]+)\s*=/gi)) {
    error(at(match.index), `has an event handler attribute (${match[1]}=…)`, 'remove the attribute: a hub page runs no script from content');
  }
  for (const match of text.matchAll(/(?:\]\(\s*<?|\b(?:href|src|poster)\s*=\s*["']?)\s*((?:java|vb)script:|data:(?!image\/(?:png|gif|jpe?g|webp|avif);))/gi)) {
    error(at(match.index), `links to a "${match[1]}" URL`, 'link to a page (/runbooks/…), or to an http(s):// or mailto: address');
  }
  const remote = [
    ...[...text.matchAll(/!\[[^\]]*\]\(\s*<?((?:https?:)?\/\/[^\s)>]+)/g)].map((match) => ({ index: match.index, url: match[1]! })),
    ...[...text.matchAll(new RegExp(`<\\s*(?:${LOADING_TAGS.join('|')})\\b[^>]*?\\s(?:src|poster|srcset)\\s*=\\s*["']?((?:https?:)?//[^\\s"'>]+)`, 'gi'))].map(
      (match) => ({ index: match.index, url: match[1]! }),
    ),
  ];
  for (const { index, url } of remote) {
    const host = hostOf(url);
    if (host && externalHosts.includes(host)) continue;
    error(
      at(index),
      `loads ${url} from another host (${host ?? url}), which readers' browsers would fetch on every visit`,
      `put the file in public/ and link it as /images/…, or list "${host}" in hub.yaml externalHosts`,
    );
  }
  if (isLocalFile) {
    for (const { index, url } of localMedia(text)) {
      if (isLocalFile(url)) continue;
      error(
        at(index),
        url.startsWith('/') ? `loads ${url}, which is not a file in public/` : `loads ${url}, which is not a file next to ${file}`,
        url.startsWith('/')
          ? 'put the file in public/ at that path, or fix the path'
          : 'put the file there, or put it in public/ and write a site path such as /images/flow.png',
      );
    }
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** Media a body loads from the hub itself: a site path (`/images/a.png`) or one relative to the file (`img/a.png`). */
function localMedia(text: string): { index: number; url: string }[] {
  const isLocal = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
  return [
    ...[...text.matchAll(/!\[[^\]]*\]\(\s*<?([^\s)>]+)/g)].map((match) => ({ index: match.index, url: match[1]! })),
    ...[...text.matchAll(new RegExp(`<\\s*(?:${LOADING_TAGS.join('|')})\\b[^>]*?\\s(?:src|poster)\\s*=\\s*["']?([^\\s"'>]+)`, 'gi'))].map((match) => ({
      index: match.index,
      url: match[1]!,
    })),
  ].filter(({ url }) => isLocal(url));
}

function hostOf(url: string): string | undefined {
  return URL.parse(url.startsWith('//') ? `https:${url}` : url)?.hostname || undefined;
}

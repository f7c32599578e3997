/**
 * The one rule for URLs a user writes that end up in an `href` (hub.yaml footer links, issue
 * tracker template): a site path of the hub (`/status/`), or an absolute `http(s):` or `mailto:`
 * URL. Anything else (`javascript:`, `data:`, protocol-relative `//host`, control characters)
 * is refused when the content is validated, so pages never carry it.
 */

const SAFE_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Why: schemas and renderers agree on which written URLs may become links. */
export function isSafeWrittenUrl(url: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters or spaces is refused.
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  if (url.startsWith('/')) return !url.startsWith('//') && !url.startsWith('/\\');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || !(SAFE_SCHEMES as readonly string[]).includes(scheme)) return false;
  return scheme === 'mailto' || /^https?:\/\/[^/?#\s]+/i.test(url);
}

/** The fix printed with a refused URL. */
export const SAFE_URL_HINT = 'write a site path such as /status/, or an http(s):// or mailto: URL';

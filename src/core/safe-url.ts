/** Written URLs on pages: the safe ones (see `src/schemas/safe-url.ts`) as hrefs, site paths under the hub's base path. */
import { isSafeWrittenUrl } from '../schemas/safe-url.ts';
import { sitePath } from './urls.ts';

/** Why: a validated URL still needs the base path; an unvalidated one never becomes a link. */
export function safeHref(url: string): string | undefined {
  if (!isSafeWrittenUrl(url)) return undefined;
  return url.startsWith('/') ? sitePath(url) : url;
}

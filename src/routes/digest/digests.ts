/**
 * The digests of this build (src/digest/digest.ts), computed once and shared by the `/digest/`
 * pages (hrefs of core/urls.ts), the email files and the feeds (absolute URLs).
 */
import { buildDigests, messageDigestsOf, type Digest } from '../../digest/digest.ts';
import { getBuildContext } from '../../runtime/build-context.ts';

let pages: Digest[] | undefined;

/** Why: the pages link inside the site: the hrefs as they are. */
export function pageDigests(): Digest[] {
  const { hub, audience, now } = getBuildContext();
  pages ??= buildDigests(hub, audience, now, { absolute: (href) => href });
  return pages;
}

/** Why: an email or a feed item is read elsewhere: every link absolute (the hrefs carry the base path already). */
export function messageDigests(): Digest[] {
  return messageDigestsOf(getBuildContext());
}

/** `/security/atom.xml`: the security advisories as Atom (RFC 4287). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { securityFeed } from '../../security/advisories.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('atom', securityFeed(hub, now));
};

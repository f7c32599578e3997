/** `/security/rss.xml`: the security advisories as RSS 2.0. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { securityFeed } from '../../security/advisories.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('rss', securityFeed(hub, now));
};

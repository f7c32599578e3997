/** `/security/feed.json`: the security advisories as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { securityFeed } from '../../security/advisories.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('json', securityFeed(hub, now));
};

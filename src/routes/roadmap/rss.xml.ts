/** `/roadmap/rss.xml`: the roadmap as RSS 2.0. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { roadmapFeed } from '../../roadmap/roadmap.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('rss', roadmapFeed(hub, now));
};

/** `/roadmap/feed.json`: the roadmap as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { roadmapFeed } from '../../roadmap/roadmap.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('json', roadmapFeed(hub, now));
};

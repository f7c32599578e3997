/** `/roadmap/atom.xml`: the roadmap as Atom (RFC 4287). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { roadmapFeed } from '../../roadmap/roadmap.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return feedFileResponse('atom', roadmapFeed(hub, now));
};

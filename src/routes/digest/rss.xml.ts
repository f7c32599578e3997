/** `/digest/rss.xml`: the digests as RSS 2.0, for RSS-to-email tools. */
import type { APIRoute } from 'astro';
import { digestFeed } from '../../digest/digest.ts';
import { getBuildContext } from '../../runtime/build-context.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';
import { messageDigests } from './digests.ts';

export const GET: APIRoute = () => feedFileResponse('rss', digestFeed(getBuildContext().hub, messageDigests()));

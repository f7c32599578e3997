/** `/trains/feed.json`: the release trains as JSON Feed 1.1, one item per train with its combined changelog entry. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { trainsFeed } from '../../trains/trains.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';

export const GET: APIRoute = () => feedFileResponse('json', trainsFeed(getBuildContext().hub));

/** `/changelog/rss.xml`: the changelog of all products as RSS 2.0. */
import type { APIRoute } from 'astro';
import { feedResponse } from './feed-response.ts';

export const GET: APIRoute = () => feedResponse('rss', undefined);

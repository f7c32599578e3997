/** `/changelog/feed.json`: the changelog of all products as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { feedResponse } from './feed-response.ts';

export const GET: APIRoute = () => feedResponse('json', undefined);

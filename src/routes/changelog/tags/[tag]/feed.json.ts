/** `/changelog/tags/<slug>/feed.json`: the changelog entries of one tag, across products, as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { tagFeedPaths, tagFeedResponse } from '../../feed-response.ts';

export const getStaticPaths = tagFeedPaths;
export const GET: APIRoute = ({ params }) => tagFeedResponse('json', params.tag);

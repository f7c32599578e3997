/** `/changelog/tags/<slug>/rss.xml`: the changelog entries of one tag, across products, as RSS 2.0. */
import type { APIRoute } from 'astro';
import { tagFeedPaths, tagFeedResponse } from '../../feed-response.ts';

export const getStaticPaths = tagFeedPaths;
export const GET: APIRoute = ({ params }) => tagFeedResponse('rss', params.tag);

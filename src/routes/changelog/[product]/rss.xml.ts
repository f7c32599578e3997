/** `/changelog/<product>/rss.xml`: one product's changelog as RSS 2.0. */
import type { APIRoute } from 'astro';
import { feedResponse, productFeedPaths } from '../feed-response.ts';

export const getStaticPaths = productFeedPaths;
export const GET: APIRoute = ({ params }) => feedResponse('rss', params.product);

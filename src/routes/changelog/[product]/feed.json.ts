/** `/changelog/<product>/feed.json`: one product's changelog as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { feedResponse, productFeedPaths } from '../feed-response.ts';

export const getStaticPaths = productFeedPaths;
export const GET: APIRoute = ({ params }) => feedResponse('json', params.product);

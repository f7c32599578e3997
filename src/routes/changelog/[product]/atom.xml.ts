/** `/changelog/<product>/atom.xml`: one product's changelog as Atom (RFC 4287). */
import type { APIRoute } from 'astro';
import { feedResponse, productFeedPaths } from '../feed-response.ts';

export const getStaticPaths = productFeedPaths;
export const GET: APIRoute = ({ params }) => feedResponse('atom', params.product);

/** `/changelog/tags/<slug>/atom.xml`: the changelog entries of one tag, across products, as Atom (RFC 4287). */
import type { APIRoute } from 'astro';
import { tagFeedPaths, tagFeedResponse } from '../../feed-response.ts';

export const getStaticPaths = tagFeedPaths;
export const GET: APIRoute = ({ params }) => tagFeedResponse('atom', params.tag);

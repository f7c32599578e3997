/** `/changelog/atom.xml`: the changelog of all products as Atom (RFC 4287). */
import type { APIRoute } from 'astro';
import { feedResponse } from './feed-response.ts';

export const GET: APIRoute = () => feedResponse('atom', undefined);

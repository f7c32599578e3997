/** `/favicon.svg`: the hub's default icon, injected only when the project's `public/` has none of its own. */
import type { APIRoute } from 'astro';
import favicon from '../assets/favicon.svg?raw';

export const GET: APIRoute = () => new Response(favicon, { headers: { 'Content-Type': 'image/svg+xml' } });

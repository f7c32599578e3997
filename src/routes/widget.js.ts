/** `/widget.js`: the embeddable "what's new" widget (src/widget/whats-new.js), served as written. */
import type { APIRoute } from 'astro';
import script from '../widget/whats-new.js?raw';

export const GET: APIRoute = () => new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

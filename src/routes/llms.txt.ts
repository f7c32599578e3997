/** `/llms.txt`: the hub's index for language models (src/llms/llms-txt.ts). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../runtime/build-context.ts';
import { llmsIndex } from '../llms/llms-txt.ts';

export const GET: APIRoute = () => new Response(llmsIndex(getBuildContext().hub), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

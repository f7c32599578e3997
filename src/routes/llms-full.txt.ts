/** `/llms-full.txt`: the whole customer changelog in Markdown, for language models (src/llms/llms-txt.ts). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../runtime/build-context.ts';
import { llmsFull } from '../llms/llms-txt.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return new Response(llmsFull(hub, now), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

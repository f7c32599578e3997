/** `/releases/<product>/<version>/index.md`: the Markdown twin of each release page (src/llms/release-markdown.ts). */
import type { APIRoute } from 'astro';
import type { Release } from '../../../core/model.ts';
import { getBuildContext } from '../../../runtime/build-context.ts';
import { releaseMarkdown } from '../../../llms/release-markdown.ts';
import { releasePages } from '../../../releases/releases.ts';

export async function getStaticPaths() {
  const { hub } = getBuildContext();
  return releasePages(hub).map(({ params, release }) => ({ params, props: { release } }));
}

export const GET: APIRoute = ({ props }) => {
  const { hub, audience, now } = getBuildContext();
  return new Response(releaseMarkdown(hub, (props as { release: Release }).release, audience, now), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
};

/** `/api/releases.json`: every release of this build's audience with all its fields and its absolute URL. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { releasesDocument } from '../../releases/releases.ts';
import { absoluteUrl } from '../../core/urls.ts';

export const GET: APIRoute = async () => {
  const { hub, audience } = getBuildContext();
  const document = releasesDocument(hub, audience, (path) => absoluteUrl(hub.config.url, path));
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

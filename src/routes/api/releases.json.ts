/** `/api/releases.json`: every release of this build's audience with all its fields and its absolute URL. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context';
import { releasesDocument } from '../../releases/releases';
import { absoluteUrl } from '../../core/urls';

export const GET: APIRoute = async () => {
  const { hub, audience } = getBuildContext();
  const document = releasesDocument(hub, audience, (path) => absoluteUrl(hub.config.url, path));
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

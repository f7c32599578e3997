/** `/api/environments.json`: what runs where, per product and environment, at the build's "now" (internal build only). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { environmentsDocument } from '../../process/environments.ts';
import { absoluteUrl, releasePath } from '../../core/urls.ts';

export const GET: APIRoute = async () => {
  const { hub, now } = getBuildContext();
  const document = environmentsDocument(hub, now, (release) => absoluteUrl(hub.config.url, releasePath(release)));
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

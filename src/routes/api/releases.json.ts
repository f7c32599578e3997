/** `/api/releases.json`: every release of this build's audience with all its fields and its absolute URL; internal builds add `attention`. */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { releasesDocument } from '../../releases/releases.ts';
import { absoluteUrl } from '../../core/urls.ts';
import { releaseAttention } from '../../process/attention.ts';

export const GET: APIRoute = async () => {
  const { hub, audience, now } = getBuildContext();
  const attentionOf = audience === 'internal' ? (release: { id: string }) => releaseAttention(hub, now, release.id) : undefined;
  const document = releasesDocument(hub, audience, (path) => absoluteUrl(hub.config.url, path), attentionOf);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

/**
 * `/api/usage.json`: each product's hour-of-week profile, its quietest windows and the windows in
 * busy hours (src/usage/view.ts). Internal only: the integration does not inject this route into a public build.
 */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { absoluteUrl } from '../../core/urls.ts';
import { formatJson } from '../../presentation/json.ts';
import { usageDocument } from '../../usage/view.ts';

export const GET: APIRoute = () => {
  const { hub } = getBuildContext();
  return new Response(formatJson(usageDocument(hub, (path) => absoluteUrl(hub.config.url, path))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

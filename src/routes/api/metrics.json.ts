/**
 * `/api/metrics.json`: SPEC §4 metrics plus the custom series, computed from this build's hub at
 * this build's "now", with the release ids behind every number. Internal only: the integration does not inject this route into a public build.
 */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { buildMetricsSite } from '../../metrics/page.ts';
import { formatJson } from '../../presentation/json.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  // The document the metrics pages are built from (computed once per build).
  return new Response(formatJson(buildMetricsSite(hub, now).document), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/**
 * `/api/metrics.json`: SPEC §4 metrics plus the custom series, computed from this build's hub at
 * this build's "now". Internal only: the integration does not inject this route into a public build.
 */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../runtime/build-context.ts';
import { computeMetrics } from '../../metrics/metrics.ts';

export const GET: APIRoute = () => {
  const { hub, now } = getBuildContext();
  return new Response(`${JSON.stringify(computeMetrics(hub, now), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

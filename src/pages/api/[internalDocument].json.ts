/**
 * Internal-only JSON documents under `/api/`; today `/api/metrics.json` (SPEC §4 plus the custom
 * series). A dynamic route so the public build can generate nothing: `getStaticPaths` returns no
 * path for the public audience, and a static Astro build writes no file for it (a static
 * `metrics.json.ts` would always be written). Public documents such as `/api/releases.json` are
 * static routes of their own and take precedence.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBuildContext } from '../../data/hub';
import { computeMetrics } from '../../lib/metrics';

export const getStaticPaths = (async () => {
  const { audience } = await getBuildContext();
  return audience === 'internal' ? [{ params: { internalDocument: 'metrics' } }] : [];
}) satisfies GetStaticPaths;

/** `/api/metrics.json`: `computeMetrics` of this build's hub at this build's "now", as indented JSON. */
export const GET: APIRoute = async () => {
  const { hub, now } = await getBuildContext();
  return new Response(`${JSON.stringify(computeMetrics(hub, now), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

/**
 * The Astro side of the hub's files (src/files/hub-files.ts): the dev server serves each file from
 * its route; a build does not inject these routes and writes all the files from one route instead.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { HUB_FILE_ROUTES, type HubFile, type HubFilePattern } from '../files/hub-files.ts';
import { getBuildContext } from './build-context.ts';

/** Why: a route with parameters (`/security/osv/[id].json`): one path per file of this build. */
export function fileRoute(pattern: HubFilePattern): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: () => HUB_FILE_ROUTES[pattern](getBuildContext()).map((file) => ({ params: file.params, props: { file } })),
    GET: ({ props }) => fileResponse((props as { file: HubFile }).file),
  };
}

/** Why: a route without parameters (`/calendar.ics`) has exactly one file. */
export function singleFileRoute(pattern: HubFilePattern): APIRoute {
  return () => fileResponse(HUB_FILE_ROUTES[pattern](getBuildContext())[0]!);
}

async function fileResponse(file: HubFile): Promise<Response> {
  const body = await file.body();
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { headers: { 'Content-Type': file.contentType } });
}

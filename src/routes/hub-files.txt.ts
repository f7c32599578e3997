/**
 * Build only, never published: writes every file of the hub (src/files/write-hub-files.ts) in one
 * go and answers with their paths, one per line; the integration moves the files into the site and
 * removes this route's own output (src/integration/hub-files.ts). The dev server has a route per file.
 */
import type { APIRoute } from 'astro';
import { hubFilePatterns, hubFilesFolder } from 'virtual:release-hub/context';
import { writeHubFiles } from '../files/write-hub-files.ts';
import { getBuildContext } from '../runtime/build-context.ts';

export const GET: APIRoute = async () => {
  const files = await writeHubFiles(getBuildContext(), hubFilePatterns, hubFilesFolder!);
  return new Response(files.map((file) => `${file}\n`).join(''), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

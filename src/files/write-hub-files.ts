/**
 * How a build writes the hub's files (src/files/hub-files.ts): all of them in one go, from one
 * build-only route (src/routes/hub-files.txt.ts) in the pages' own bundle, instead of one Astro
 * route per file. They go into a folder of the integration's own, which it moves into the built
 * site when Astro is done (src/integration/hub-files.ts). Node only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '../core/model.ts';
import { HUB_FILE_ROUTES, hubFilePath, type HubFileRoute } from './hub-files.ts';

/** How many files are written at once: their I/O runs off the main thread while the next ones are made. */
const WRITES_IN_FLIGHT = 16;

/** Why: Astro's work per route was a third of a large hub's page generation; returns the files' paths relative to `folder`. */
export async function writeHubFiles<P extends string>(
  context: BuildContext,
  patterns: readonly P[],
  folder: string,
  routes: Record<P, HubFileRoute> = HUB_FILE_ROUTES as unknown as Record<P, HubFileRoute>,
): Promise<string[]> {
  const written = new Set<string>();
  const folders = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<void>>();
  const root = path.resolve(folder);
  for (const pattern of patterns) {
    for (const file of routes[pattern](context)) {
      const relative = hubFilePath(pattern, file.params);
      const target = path.resolve(root, relative);
      if (!target.startsWith(`${root}${path.sep}`)) throw new Error(`${pattern}: the file "${relative}" would be outside the site`);
      if (written.has(relative)) throw new Error(`${pattern}: the file "${relative}" would be written twice`);
      written.add(relative);
      const parent = path.dirname(target);
      let made = folders.get(parent);
      if (!made) {
        made = mkdir(parent, { recursive: true });
        folders.set(parent, made);
      }
      const body = await file.body();
      const writing = made.then(() => writeFile(target, body));
      inFlight.add(writing);
      void writing.finally(() => inFlight.delete(writing)).catch(() => {});
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
  return [...written];
}

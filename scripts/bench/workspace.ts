/**
 * Private copies for the benchmark's builds. Astro writes into the project it builds
 * (`.astro/content-modules.mjs` lists the content root's files, `.astro/.prerender/` holds the
 * prerendered chunks when the output folder is elsewhere) and into `node_modules/.astro`, so two
 * builds from one checkout at the same time break each other. The benchmark builds a snapshot of
 * the project in its temporary folder instead, with the project's installed packages linked in.
 */
import { cp, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';

/** Top-level entries of the project that a build does not read, or that are outputs and caches. */
const NOT_COPIED = new Set(['node_modules', '.git', '.astro', 'dist', '.test-output', 'tests', '.bench']);
/** node_modules entries that hold caches, which each copy keeps for itself. */
const PRIVATE_MODULE_ENTRIES = new Set(['.astro', '.vite', '.cache']);

/** Why: the build writes only inside this copy, so builds elsewhere in the checkout cannot break it. */
export async function snapshotProject(projectRoot: string, targetDir: string): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  for (const entry of await readdir(projectRoot)) {
    if (NOT_COPIED.has(entry) || entry.startsWith('dist') || entry.startsWith('.dist-')) continue;
    await cp(path.join(projectRoot, entry), path.join(targetDir, entry), { recursive: true, verbatimSymlinks: true });
  }
  await linkNodeModules(projectRoot, targetDir);
}

/** Why: a real node_modules/ folder whose entries link to the project's packages, so caches written there stay private. */
export async function linkNodeModules(projectRoot: string, targetDir: string): Promise<void> {
  const modules = path.join(targetDir, 'node_modules');
  await mkdir(modules, { recursive: true });
  const projectModules = path.join(projectRoot, 'node_modules');
  for (const entry of await readdir(projectModules)) {
    if (!PRIVATE_MODULE_ENTRIES.has(entry)) await symlink(path.join(projectModules, entry), path.join(modules, entry));
  }
}

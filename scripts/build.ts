/**
 * `npm run build` (through scripts/build.mjs): validate the content root, build the site into a
 * staging folder, and only when everything succeeded replace `dist/` with it, so a failed build
 * never destroys the last good site.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentRoot } from '../src/lib/content/load';
import { handOffValidatedHub } from '../src/lib/content/handoff';
import { contentRootFromEnv, displayRootOf } from '../src/lib/content/root';
import { formatProblem } from '../src/lib/content/problems';
import { checkContentLinks } from '../src/lib/content/link-check';
import { audienceFromEnv, viewForAudience } from '../src/lib/audience';
import { writeSearchIndex } from '../src/lib/search';
import type { Hub } from '../src/lib/model';

/** Where this build reads and writes. */
interface BuildPaths {
  projectRoot: string;
  /** The content root, and how messages name it. */
  root: string;
  display: string;
  outDir: string;
  stagingDir: string;
}

/** Why: the launcher loads this module with TypeScript support, then runs the build without it. */
export async function buildHub(): Promise<void> {
  const outDir = path.resolve(process.cwd(), process.env.HUB_DIST_DIR || 'dist');
  const root = contentRootFromEnv(process.env, process.cwd());
  const paths: BuildPaths = {
    projectRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    root,
    display: displayRootOf(root, process.cwd()),
    outDir,
    stagingDir: `${outDir}.staging`,
  };
  const hub = await validate(paths);
  await buildSite(paths, hub);
  await checkLinks(paths, hub);
  await indexSite(paths);
  await swapIntoPlace(paths);
  console.log(`✓ built ${paths.display} into ${shown(paths.outDir)}`);
}

/** Every problem is printed; any error stops the build before anything is written. */
async function validate(paths: BuildPaths): Promise<Hub> {
  const { hub, problems } = await loadContentRoot(paths.root);
  for (const problem of problems) {
    console.error(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, paths.display)}`);
  }
  if (hub) return hub;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  console.error(`\n✗ build stopped: ${errors} content ${errors === 1 ? 'error' : 'errors'} in ${paths.display}; ${shown(paths.outDir)} was left as it was.`);
  process.exit(1);
}

/** Astro runs in this process and its pages take the hub validated above (no second validation). */
async function buildSite(paths: BuildPaths, hub: Hub): Promise<void> {
  await rm(paths.stagingDir, { recursive: true, force: true });
  handOffValidatedHub(paths.root, hub);
  process.env.HUB_OUT_DIR = paths.stagingDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: paths.projectRoot });
  } catch (error) {
    await fail(paths, `${(error as Error).stack ?? error}\n\n✗ astro build failed`);
  }
}

/** Links written in content must resolve in this build (the audience's pages only). */
async function checkLinks(paths: BuildPaths, hub: Hub): Promise<void> {
  const brokenLinks = await checkContentLinks(paths.root, viewForAudience(hub, audienceFromEnv(process.env)), paths.stagingDir);
  if (brokenLinks.length === 0) return;
  for (const problem of brokenLinks) console.error(formatProblem(problem, paths.display));
  await fail(paths, `✗ build stopped: ${brokenLinks.length} broken ${brokenLinks.length === 1 ? 'link' : 'links'} in ${paths.display}`);
}

/** The search index is part of the site: a failure to write it fails the build like a failed page. */
async function indexSite(paths: BuildPaths): Promise<void> {
  try {
    const { pageCount } = await writeSearchIndex(paths.stagingDir);
    console.log(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`);
  } catch (error) {
    await fail(paths, `✗ search indexing failed: ${(error as Error).message}`);
  }
}

/** The new site replaces the old one only now, when everything succeeded. */
async function swapIntoPlace({ outDir, stagingDir }: BuildPaths): Promise<void> {
  const previousDir = `${outDir}.previous`;
  await rm(previousDir, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, previousDir);
  await rename(stagingDir, outDir);
  await rm(previousDir, { recursive: true, force: true });
}

/** A failed step removes the staging folder and exits non-zero; the last good site stays. */
async function fail(paths: BuildPaths, message: string): Promise<never> {
  await rm(paths.stagingDir, { recursive: true, force: true });
  console.error(`\n${message}; ${shown(paths.outDir)} was left as it was.`);
  process.exit(1);
}

function shown(folder: string): string {
  return path.relative(process.cwd(), folder) || folder;
}

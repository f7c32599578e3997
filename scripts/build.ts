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

/** Why: the launcher loads this module with TypeScript support, then runs the build without it. */
export async function buildHub(): Promise<void> {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = path.resolve(process.cwd(), process.env.HUB_DIST_DIR || 'dist');
  const stagingDir = `${outDir}.staging`;
  const previousDir = `${outDir}.previous`;

  const root = contentRootFromEnv(process.env, process.cwd());
  const display = displayRootOf(root, process.cwd());
  const { hub, problems } = await loadContentRoot(root);
  for (const problem of problems) {
    console.error(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, display)}`);
  }
  if (!hub) {
    const errors = problems.filter((problem) => problem.severity === 'error').length;
    console.error(`\n✗ build stopped: ${errors} content ${errors === 1 ? 'error' : 'errors'} in ${display}; ${path.relative(process.cwd(), outDir) || outDir} was left as it was.`);
    process.exit(1);
  }

  await rm(stagingDir, { recursive: true, force: true });
  // Astro runs in this process and its pages take the hub validated above (no second validation).
  handOffValidatedHub(root, hub);
  process.env.HUB_OUT_DIR = stagingDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: projectRoot });
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(`\n${(error as Error).stack ?? error}\n\n✗ astro build failed; ${path.relative(process.cwd(), outDir)} was left as it was.`);
    process.exit(1);
  }

  // Links written in content must resolve in this build (the audience's pages only).
  const brokenLinks = await checkContentLinks(root, viewForAudience(hub, audienceFromEnv(process.env)), stagingDir);
  if (brokenLinks.length > 0) {
    await rm(stagingDir, { recursive: true, force: true });
    for (const problem of brokenLinks) console.error(formatProblem(problem, display));
    console.error(`\n✗ build stopped: ${brokenLinks.length} broken ${brokenLinks.length === 1 ? 'link' : 'links'} in ${display}; ${path.relative(process.cwd(), outDir)} was left as it was.`);
    process.exit(1);
  }

  // The search index is part of the site: a failure to write it fails the build like a failed page.
  try {
    const { pageCount } = await writeSearchIndex(stagingDir);
    console.log(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`);
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    console.error(`\n✗ search indexing failed: ${(error as Error).message}\n${path.relative(process.cwd(), outDir)} was left as it was.`);
    process.exit(1);
  }

  await rm(previousDir, { recursive: true, force: true });
  if (existsSync(outDir)) await rename(outDir, previousDir);
  await rename(stagingDir, outDir);
  await rm(previousDir, { recursive: true, force: true });
  console.log(`✓ built ${display} into ${path.relative(process.cwd(), outDir) || outDir}`);
}

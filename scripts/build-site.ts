/**
 * The site step of `npm run build`, run by scripts/build.ts in a child process (through
 * scripts/build-site.mjs): validate the content root, let Astro build every page into the staging
 * folder in this process, and check the links written in content. The step runs in its own
 * process so that all of its memory is returned before Pagefind indexes the site (Pagefind's own
 * memory peak would otherwise add to it).
 */
import { loadContentRoot } from '../src/lib/content/load';
import { handOffValidatedHub } from '../src/lib/content/handoff';
import { formatProblem } from '../src/lib/content/problems';
import { checkContentLinks } from '../src/lib/content/link-check';
import { audienceFromEnv, viewForAudience } from '../src/lib/audience';
import type { Hub } from '../src/lib/model';
import { buildPathsFromEnv, failBuild, type BuildPaths } from './build-paths';

/** Why: the launcher loads this module with TypeScript support, then runs the step without it. */
export async function generateSite(): Promise<void> {
  const paths = buildPathsFromEnv(process.env, process.cwd());
  const hub = await validate(paths);
  await buildSite(paths, hub);
  await checkLinks(paths, hub);
}

/** Every problem is printed; any error stops the build before anything is written. */
async function validate(paths: BuildPaths): Promise<Hub> {
  const { hub, problems } = await loadContentRoot(paths.root);
  for (const problem of problems) {
    console.error(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, paths.display)}`);
  }
  if (hub) return hub;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return failBuild(paths, `✗ build stopped: ${errors} content ${errors === 1 ? 'error' : 'errors'} in ${paths.display}`);
}

/** Astro runs in this process and its pages take the hub validated above (no second validation). */
async function buildSite(paths: BuildPaths, hub: Hub): Promise<void> {
  handOffValidatedHub(paths.root, hub);
  process.env.HUB_OUT_DIR = paths.stagingDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: paths.projectRoot });
  } catch (error) {
    await failBuild(paths, `${(error as Error).stack ?? error}\n\n✗ astro build failed`);
  }
}

/** Links written in content must resolve in this build (the audience's pages only). */
async function checkLinks(paths: BuildPaths, hub: Hub): Promise<void> {
  const brokenLinks = checkContentLinks(viewForAudience(hub, audienceFromEnv(process.env)), paths.stagingDir);
  if (brokenLinks.length === 0) return;
  for (const problem of brokenLinks) console.error(formatProblem(problem, paths.display));
  await failBuild(paths, `✗ build stopped: ${brokenLinks.length} broken ${brokenLinks.length === 1 ? 'link' : 'links'} in ${paths.display}`);
}

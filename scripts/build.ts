/**
 * `npm run build` (through scripts/build.mjs): build the site into a staging folder and index it,
 * and only when everything succeeded replace `dist/` with it, so a failed build never destroys the
 * last good site. Two processes share the work: a child process validates the content and runs
 * Astro (scripts/build-site.ts) and sends each searchable page here as it is rendered; this one
 * feeds them to Pagefind meanwhile, and writes the index once the child has exited and returned
 * its memory.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { startSearchIndex, type SearchIndexSession } from '../src/lib/search';
import { buildPathsFromEnv, shown, type BuildPaths } from './build-paths';
import type { SiteStepMessage } from './build-site';

/** Why: the launcher loads this module with TypeScript support and runs the build. */
export async function buildHub(): Promise<void> {
  const paths = buildPathsFromEnv(process.env, process.cwd());
  await rm(paths.stagingDir, { recursive: true, force: true });
  const search = await startSearch(paths);
  await generateSite(paths, search);
  await indexSite(paths, search);
  await swapIntoPlace(paths);
  console.log(`✓ built ${paths.display} into ${shown(paths.outDir)}`);
}

async function startSearch(paths: BuildPaths): Promise<SearchIndexSession> {
  try {
    return await startSearchIndex();
  } catch (error) {
    return fail(paths, `✗ search indexing failed: ${(error as Error).message}`);
  }
}

/**
 * The child validates, builds and checks links, printing its own errors; it reports a success
 * with a last `done` message. Any other end removes the staging folder and fails the build.
 */
async function generateSite(paths: BuildPaths, search: SearchIndexSession): Promise<void> {
  const child = fork(path.join(paths.projectRoot, 'scripts/build-site.mjs'), { stdio: 'inherit' });
  let done = false;
  child.on('message', (message: SiteStepMessage) => {
    if (message.type === 'page') search.add(message);
    else done = true;
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (...end) => resolve(end)));
  if (code === 0 && done) return;
  await search.close();
  await fail(paths, code === null ? `✗ the site build was stopped by ${signal}` : code === 0 ? '✗ the site build ended before it finished' : '', code ?? 1);
}

/** The search index is part of the site: a failure to write it fails the build like a failed page. */
async function indexSite(paths: BuildPaths, search: SearchIndexSession): Promise<void> {
  try {
    const { pageCount } = await search.finish(path.join(paths.stagingDir, 'pagefind'));
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

/** A failed step removes the staging folder and exits non-zero; the last good site stays. An empty message: the child said why. */
async function fail(paths: BuildPaths, message: string, exitCode = 1): Promise<never> {
  await rm(paths.stagingDir, { recursive: true, force: true });
  if (message) console.error(`\n${message}; ${shown(paths.outDir)} was left as it was.`);
  process.exit(exitCode);
}

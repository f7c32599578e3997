/**
 * `npm run build` (through scripts/build.mjs): build the site into a staging folder and index it,
 * and only when everything succeeded replace `dist/` with it, so a failed build never destroys the
 * last good site. The site step (validation, Astro, link check: scripts/build-site.ts) runs in a
 * child process, and Pagefind indexes the staging folder only once that process has exited: their
 * memory peaks come one after the other instead of adding up.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeSearchIndex } from '../src/lib/search';
import { buildPathsFromEnv, failBuild, shown, type BuildPaths } from './build-paths';

/** Why: the launcher loads this module with TypeScript support and runs the build. */
export async function buildHub(): Promise<void> {
  const paths = buildPathsFromEnv(process.env, process.cwd());
  await rm(paths.stagingDir, { recursive: true, force: true });
  await generateSite(paths);
  await indexSite(paths);
  await swapIntoPlace(paths);
  console.log(`✓ built ${paths.display} into ${shown(paths.outDir)}`);
}

/** The child validates, builds and checks links, and prints its own errors; any failure fails the build. */
async function generateSite(paths: BuildPaths): Promise<void> {
  const child = spawn(process.execPath, [path.join(paths.projectRoot, 'scripts/build-site.mjs')], { stdio: 'inherit' });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (...end) => resolve(end));
  });
  if (code === 0) return;
  await failBuild(paths, code === null ? `✗ the site build was stopped by ${signal}` : '', code ?? 1);
}

/** The search index is part of the site: a failure to write it fails the build like a failed page. */
async function indexSite(paths: BuildPaths): Promise<void> {
  try {
    const { pageCount } = await writeSearchIndex(paths.stagingDir);
    console.log(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}`);
  } catch (error) {
    await failBuild(paths, `✗ search indexing failed: ${(error as Error).message}`);
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

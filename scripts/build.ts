/**
 * `npm run build`: validate the content root, build the site into a staging folder, and only
 * when everything succeeded replace `dist/` with it, so a failed build never destroys the last
 * good site.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentRoot } from '../src/lib/content/load';
import { contentRootFromEnv, displayRootOf } from '../src/lib/content/root';
import { formatProblem } from '../src/lib/content/problems';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.cwd(), process.env.HUB_DIST_DIR || 'dist');
const stagingDir = `${outDir}.staging`;
const previousDir = `${outDir}.previous`;
const cacheDir = path.join(projectRoot, 'node_modules/.astro/builds', createHash('sha256').update(outDir).digest('hex').slice(0, 12));

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
const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', projectRoot], {
  stdio: 'inherit',
  env: { ...process.env, HUB_OUT_DIR: stagingDir, HUB_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(`\n✗ astro build failed; ${path.relative(process.cwd(), outDir)} was left as it was.`);
  process.exit(astro.status ?? 1);
}

await rm(previousDir, { recursive: true, force: true });
if (existsSync(outDir)) await rename(outDir, previousDir);
await rename(stagingDir, outDir);
await rm(previousDir, { recursive: true, force: true });
console.log(`✓ built ${display} into ${path.relative(process.cwd(), outDir) || outDir}`);

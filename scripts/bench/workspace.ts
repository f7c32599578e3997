/**
 * Projects of their own for the benchmark's builds, with the project's installed packages linked
 * in. Astro writes into the project it builds (`.astro/`) and into `node_modules/.astro`, so each
 * build gets its own folder and its own caches: every run starts cold.
 */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** node_modules entries that hold caches, which each copy keeps for itself. */
const PRIVATE_MODULE_ENTRIES = new Set(['.astro', '.vite', '.cache']);

/**
 * Why: the hub is measured as a team builds it: a project with only its astro.config.mjs (the
 * integration, pointed at the generated content) and its dependencies, `release-hub` among them.
 */
export async function createHubProject(targetDir: string, contentDir: string, projectRoot: string): Promise<void> {
  await mkdir(targetDir, { recursive: true });
  await writeFile(path.join(targetDir, 'package.json'), `${JSON.stringify({ name: 'release-hub-bench-team', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(
    path.join(targetDir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport releaseHub from 'release-hub';\n\nexport default defineConfig({ integrations: [releaseHub({ content: ${JSON.stringify(contentDir)} })] });\n`,
  );
  await linkNodeModules(projectRoot, targetDir);
  await symlink(projectRoot, path.join(targetDir, 'node_modules', 'release-hub'));
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

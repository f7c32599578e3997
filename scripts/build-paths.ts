/** Where `npm run build` reads and writes, and how it stops: the same for the build script and the site step it starts. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentRootFromEnv, displayRootOf } from '../src/lib/content/root';

export interface BuildPaths {
  projectRoot: string;
  /** The content root, and how messages name it. */
  root: string;
  display: string;
  /** The published site (`dist/` or `HUB_DIST_DIR`), replaced only by a complete build. */
  outDir: string;
  /** Where the build writes until it succeeded. */
  stagingDir: string;
}

/** Why: both processes of a build derive the same folders from the same environment and working directory. */
export function buildPathsFromEnv(env: NodeJS.ProcessEnv, cwd: string): BuildPaths {
  const outDir = path.resolve(cwd, env.HUB_DIST_DIR || 'dist');
  const root = contentRootFromEnv(env, cwd);
  return {
    projectRoot: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    root,
    display: displayRootOf(root, cwd),
    outDir,
    stagingDir: `${outDir}.staging`,
  };
}

/** Why: messages name folders as the user would type them, from where they ran the command. */
export function shown(folder: string): string {
  return path.relative(process.cwd(), folder) || folder;
}

/**
 * Why: a failed step removes the staging folder and exits non-zero, so the last good site stays.
 * An empty message prints nothing (the site step already said why).
 */
export async function failBuild(paths: BuildPaths, message: string, exitCode = 1): Promise<never> {
  await rm(paths.stagingDir, { recursive: true, force: true });
  if (message) console.error(`\n${message}; ${shown(paths.outDir)} was left as it was.`);
  process.exit(exitCode);
}

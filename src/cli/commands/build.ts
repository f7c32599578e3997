/**
 * `release-hub build`: Astro builds the site into a staging folder in a process of its own (the
 * integration validates the content first, and checks the links in content when Astro is done);
 * once that process has exited and its memory is returned, Pagefind indexes the staging folder,
 * and only then does the staging folder replace the published one. Any failure leaves the last
 * good site in place and no staging folder behind.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printProblems } from '../../content/problems';
import { DEFER_SEARCH_INDEX_ENV } from '../../integration/index';
import { writeSearchIndex } from '../../search/index-site';
import { astroBin, loadProject, type Project } from '../project';

const HELP = `Usage: release-hub build [options]

Builds the hub: validates the content (every problem listed as file:line field: what — fix),
renders every page, checks the links written in content, writes the search index, and only
then replaces the output folder. A failed build exits 1 and leaves the last good site as it was.

Options:
  --out-dir <dir>     the published site (default: $HUB_DIST_DIR, else Astro's outDir, dist/)
  --audience <name>   internal (the whole hub) or public (the customer site); sets $HUB_AUDIENCE,
                      which a releaseHub({ audience }) option in astro.config.mjs overrides
  --content <dir>     content root; sets $HUB_CONTENT_DIR, which the content option overrides
  --root <dir>        the project folder with astro.config.mjs (default: .)
  -h, --help          show this help`;

/** Why: a team's CI runs one command and gets a complete site or the old one, never half of one. */
export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'out-dir': { type: 'string' }, audience: { type: 'string' }, content: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`), 0;
  const env = { ...process.env, ...(values.audience ? { HUB_AUDIENCE: values.audience } : {}), ...(values.content ? { HUB_CONTENT_DIR: path.resolve(values.content) } : {}) };
  const { project, problems } = await loadProject({ root: values.root, outDir: values['out-dir'] }, env);
  if (!project) {
    printProblems(problems, '');
    return 1;
  }
  const staging = `${project.outDir}.staging-${process.pid}`;
  const shownOut = shown(project.outDir);
  const fail = async (message: string) => {
    await rm(staging, { recursive: true, force: true });
    process.stderr.write(`${message ? `\n${message}\n` : ''}✗ ${shownOut} was left as it was.\n`);
    return 1;
  };
  const code = await astroBuild(project, staging, env);
  if (code !== 0) return fail(code === null ? '✗ the Astro build was stopped' : '');
  try {
    const { pageCount } = await writeSearchIndex(staging);
    process.stdout.write(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}\n`);
  } catch (error) {
    return fail(`✗ search indexing failed: ${(error as Error).message}`);
  }
  try {
    await swapIntoPlace(project.outDir, staging);
  } catch (error) {
    return fail(`✗ could not replace ${shownOut}: ${(error as Error).message}`);
  }
  process.stdout.write(`✓ built ${project.settings.displayRoot} into ${shownOut}\n`);
  return 0;
}

/** Astro in its own process, writing into the staging folder; the index is left to this process. */
function astroBuild(project: Project, staging: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(process.execPath, [astroBin(project.root), 'build', '--root', project.root, '--outDir', staging], {
    stdio: 'inherit',
    env: { ...env, [DEFER_SEARCH_INDEX_ENV]: '1', ASTRO_TELEMETRY_DISABLED: env.ASTRO_TELEMETRY_DISABLED ?? '1' },
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/** The new site replaces the old one only now, when everything succeeded. */
async function swapIntoPlace(outDir: string, staging: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) await rename(outDir, previous);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (existsSync(previous)) await rename(previous, outDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** Why: messages name folders as the user would type them, from where they ran the command. */
function shown(folder: string): string {
  return path.relative(process.cwd(), folder) || folder;
}

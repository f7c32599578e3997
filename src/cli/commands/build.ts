/**
 * `release-hub build`: Astro builds the site in a process of its own (the integration validates
 * the content first, builds into a staging folder next to the output folder and checks the links
 * in content when Astro is done, see src/integration/cli-protocol.ts); once that process has
 * exited and its memory is returned, Pagefind indexes the staging folder, and only then does the
 * staging folder replace the published one. Any failure leaves the last good site in place and no
 * staging folder behind. This process stays small: it never loads the project's config.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayRootOf } from '../../content/root.ts';
import { CLI_BUILD_ENV, type CliBuildReport } from '../../integration/cli-protocol.ts';
import { writeSearchIndex } from '../../search/index-site.ts';
import { astroBin } from '../astro-bin.ts';
import { swapIntoPlace } from '../swap.ts';

const HELP = `Usage: release-hub build [options]

Builds the hub: validates the content (every problem listed as file:line field: what — fix),
renders every page, checks the links written in content, writes the search index, and only
then replaces the output folder. A failed build exits 1 and leaves the last good site as it was.

Options:
  --out-dir <dir>     the published site; sets $HUB_DIST_DIR (default: Astro's outDir, dist/)
  --audience <name>   internal (the whole hub) or public (the customer site); sets $HUB_AUDIENCE,
                      which a releaseHub({ audience }) option in astro.config.mjs overrides
  --content <dir>     content root; sets $HUB_CONTENT_DIR, which the content option overrides
  --root <dir>        the project folder with astro.config.mjs (default: .)
  -h, --help          show this help`;

/** Why: a team's CI runs one command and gets a complete site or the old one, never half of one. */
export async function runBuild(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'out-dir': { type: 'string' },
      audience: { type: 'string' },
      content: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const root = path.resolve(values.root ?? '.');
  const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'release-hub-build-')), 'report.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(values['out-dir'] ? { HUB_DIST_DIR: path.resolve(values['out-dir']) } : {}),
    ...(values.audience ? { HUB_AUDIENCE: values.audience } : {}),
    ...(values.content ? { HUB_CONTENT_DIR: path.resolve(values.content) } : {}),
    [CLI_BUILD_ENV]: reportFile,
    ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1',
  };
  try {
    const code = await astroBuild(root, env);
    const report = readReport(reportFile);
    if (!report)
      return code === 0 ? fail('✗ the Astro build finished without the release-hub integration: add integrations: [releaseHub()] to astro.config.mjs') : 1;
    const shownOut = shown(report.outDir);
    const failed = async (message: string) => {
      await rm(report.stagingDir, { recursive: true, force: true });
      return fail(`${message ? `${message}\n` : ''}✗ ${shownOut} was left as it was.`);
    };
    if (code !== 0) return failed(code === null ? '✗ the Astro build was stopped' : '');
    try {
      const { pageCount } = await writeSearchIndex(report.stagingDir);
      process.stdout.write(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}\n`);
    } catch (error) {
      return failed(`✗ search indexing failed: ${(error as Error).message}`);
    }
    try {
      await swapIntoPlace(report.outDir, report.stagingDir);
    } catch (error) {
      return failed(`✗ could not replace ${shownOut}: ${(error as Error).message}`);
    }
    process.stdout.write(`✓ built ${report.displayRoot} into ${shownOut}\n`);
    return 0;
  } finally {
    await rm(path.dirname(reportFile), { recursive: true, force: true });
  }
}

function fail(message: string): number {
  process.stderr.write(`\n${message}\n`);
  return 1;
}

/** Astro in its own process; the integration in it builds into the staging folder it reports. */
function astroBuild(root: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(process.execPath, [astroBin(root), 'build'], { cwd: root, stdio: 'inherit', env });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

function readReport(file: string): CliBuildReport | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CliBuildReport) : undefined;
}

/** Why: messages name folders as the user would type them, from where they ran the command. */
function shown(folder: string): string {
  return displayRootOf(folder, process.cwd()) || folder;
}

/**
 * The team hub of tests/e2e/team-repo.test.ts, made once per test run by the global setup
 * (tests/build/global-setup.ts), beside the scenario builds: `npm pack` this repository,
 * `npx --package=<tarball> release-hub init`, the team's own page, stylesheet and footer, `npm
 * install <tarball>` (over a hard-linked copy of npx's install of the same tarball), then plain
 * `astro build` and `release-hub build`. Installing mostly waits on
 * the registry (a fresh machine's npm cache has no package metadata), so it overlaps the builds'
 * CPU work instead of holding a test worker for a minute.
 */
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the setup made, for the test: where, and what init printed and wrote. */
export interface TeamHub {
  work: string;
  hub: string;
  initOutput: string;
  filesAfterInit: string[];
  /** Set when a step failed: the command and its output. */
  error?: string;
}

export const TEAM_HUB_NOW = '1795683600'; // 2026-11-26T09:00Z, a Thursday

/** A team's shell: none of the variables Vitest sets for its own tests (NODE_ENV=test, BASE_URL, …). */
const shell = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|TEST$)/.test(name)));
const env = {
  ...shell,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
  SOURCE_DATE_EPOCH: TEAM_HUB_NOW,
  ASTRO_TELEMETRY_DISABLED: '1',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  // The packages are in npm's cache (npm ci put them there): without this, npx asks the registry
  // again for every package's metadata, 41-53 s against 11-17 s measured with an empty npx cache.
  npm_config_prefer_offline: 'true',
};

class StepFailed extends Error {}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0 ? resolve(stdout) : reject(new StepFailed(`${command} ${args.join(' ')} failed (${status}):\n${stdout}\n${stderr}`)),
    );
  });
}

/** Why: one team hub per run, made as a team would make it; a failed step is reported to the test, not thrown in the setup. */
export async function makeTeamHub(projectRoot: string): Promise<TeamHub> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'release-hub-team-'));
  const hub = path.join(work, 'team-hub');
  const made: TeamHub = { work, hub, initOutput: '', filesAfterInit: [] };
  try {
    const packed = JSON.parse(await run('npm', ['pack', '--pack-destination', work, '--json'], projectRoot)) as { filename: string }[];
    const tarball = path.join(work, packed[0]!.filename);
    made.initOutput = await run('npx', ['--yes', `--package=${tarball}`, 'release-hub', 'init', hub, '--title', 'Team Releases'], work);
    made.filesAfterInit = (readdirSync(hub, { recursive: true }) as string[]).map((file) => file.split(path.sep).join('/')).sort();
    addTeamFiles(hub);
    // npx has just installed the tarball and its dependencies into npm's cache: the same tree the
    // team's install writes. Linking it in first leaves npm install to check the hub's own
    // package.json against it (about 2 CPU-s instead of 9 spent extracting the same packages again).
    // Where the cache is on another file system (no hard links there), npm installs it all itself.
    const installed = npxInstallOf(tarball);
    if (installed) {
      try {
        linkTree(installed, path.join(hub, 'node_modules'));
      } catch {
        rmSync(path.join(hub, 'node_modules'), { recursive: true, force: true });
      }
    }
    await run('npm', ['install', tarball], hub);
    await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], hub);
    await run(process.execPath, ['node_modules/release-hub/bin/release-hub.mjs', 'build', '--out-dir', 'dist-cli'], hub);
  } catch (error) {
    made.error = error instanceof StepFailed ? error.message : String(error);
  }
  return made;
}

/** The node_modules of npx's install of this tarball, in npm's cache, if there is one. */
function npxInstallOf(tarball: string): string | undefined {
  const npx = path.join(process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'), '_npx');
  if (!existsSync(npx)) return undefined;
  for (const dir of readdirSync(npx)) {
    const manifest = path.join(npx, dir, 'package.json');
    const modules = path.join(npx, dir, 'node_modules');
    if (existsSync(manifest) && existsSync(modules) && readFileSync(manifest, 'utf8').includes(tarball)) return modules;
  }
  return undefined;
}

/**
 * A copy of a tree made of hard links (symbolic links copied as they are): instant. A file npm
 * rewrites in place changes in npx's entry too, which nothing uses again (its tarball is this run's).
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else linkSync(source, target);
  }
}

/** The team's own page, stylesheet and footer, next to the hub's. */
function addTeamFiles(hub: string): void {
  mkdirSync(path.join(hub, 'src/pages'), { recursive: true });
  mkdirSync(path.join(hub, 'src/styles'), { recursive: true });
  mkdirSync(path.join(hub, 'src/components'), { recursive: true });
  writeFileSync(
    path.join(hub, 'src/pages/about.astro'),
    '---\n---\n<html lang="en"><head><title>About</title></head><body><h1>About our releases</h1></body></html>\n',
  );
  writeFileSync(path.join(hub, 'src/styles/brand.css'), '.team-brand-marker { outline: 3px dashed #639; }\n');
  writeFileSync(
    path.join(hub, 'src/components/Footer.astro'),
    '---\nimport Default from \'release-hub/components/layout/Footer.astro\';\n---\n<Default />\n<p class="team-footer">Questions? #release-room</p>\n',
  );
  const config = readFileSync(path.join(hub, 'astro.config.mjs'), 'utf8');
  writeFileSync(
    path.join(hub, 'astro.config.mjs'),
    config.replace(
      'integrations: [releaseHub()]',
      "integrations: [releaseHub({ customCss: ['./src/styles/brand.css'], components: { Footer: './src/components/Footer.astro' } })]",
    ),
  );
}

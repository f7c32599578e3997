/**
 * `releaseHub()`: the Astro integration that turns a content root into the whole hub. In
 * `astro:config:setup` it checks its options, loads and validates the content (a bad hub stops
 * before anything is written, with the same `file:line field: what — fix` lines as
 * `release-hub check`), configures Astro (site, base, Markdown, MDX, sitemap, CSP) and injects
 * every route of the build's audience. In `astro:build:done` it checks the links written in
 * content against the built pages and writes the Pagefind index, so a plain `astro build` gives
 * the complete hub. In `astro dev` a content change reloads the hub and the browser.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { isFileIn } from '../content/load.ts';
import { readSiteUrl } from '../content/site-url.ts';
import { formatProblem, type Problem } from '../content/problems.ts';
import { countOf } from '../presentation/count.ts';
import { hubAstroConfig } from './astro-config.ts';
import { outputOverlapProblems, takeBuildLock, unwritableProblem, type OutputFolder } from './build-guard.ts';
import { CLI_BUILD_ENV, RELEASE_HUB_OPTIONS, type CliBuildReport } from './cli-protocol.ts';
import { resolveBuildNow } from './build-now.ts';
import { indexSite } from './search-index.ts';
import { boundHeapGrowth } from './heap-growth.ts';
import { placeHubFiles, planHubFiles, type HubFilesPlan } from './hub-files.ts';
import { HubState } from './hub-state.ts';
import { configFileOf, resolveHubSettings, type ReleaseHubOptions } from './options.ts';
import { routesFor } from './routes.ts';
import { reloadQueue } from './reload-queue.ts';
import { releaseHubVitePlugin } from './vite-plugin.ts';

export type { ReleaseHubOptions } from './options.ts';

const routesDir = new URL('../routes/', import.meta.url);

/** Why: `integrations: [releaseHub({ content: './content' })]` is all a team's `astro.config.mjs` needs. */
export default function releaseHub(options: ReleaseHubOptions = {}): AstroIntegration & { [RELEASE_HUB_OPTIONS]: ReleaseHubOptions } {
  let state: HubState | undefined;
  let building = false;
  let hubFiles: HubFilesPlan | undefined;
  return {
    [RELEASE_HUB_OPTIONS]: options,
    name: 'release-hub',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute, createCodegenDir, logger }) => {
        // `astro sync` and `astro check` only need the types.
        if (command === 'sync') return;
        const projectRoot = fileURLToPath(config.root);
        const publicDir = fileURLToPath(config.publicDir);
        const { settings, problems } = resolveHubSettings(options, process.env, projectRoot, process.cwd());
        const now = resolveBuildNow(process.env, Date.now());
        const setupProblems = [...problems, ...now.problems];
        if (settings?.logo && !isFileIn(publicDir, settings.logo)) {
          setupProblems.push({
            severity: 'error',
            file: configFileOf(projectRoot),
            field: 'releaseHub.logo',
            message: `"${settings.logo}" is not a file in ${path.basename(publicDir)}/`,
            fix: `put the logo in the project's ${path.basename(publicDir)}/ folder, or fix the path`,
          });
        }
        if (!settings || !now.value || setupProblems.length > 0) stop(setupProblems, 'the release-hub options are not valid');
        const injectRoutes = () => {
          // A build writes the hub's files from one route (hub-files.ts); the dev server routes each.
          for (const route of routesFor(settings.audience, { fileRoutes: command !== 'build' })) {
            injectRoute({ pattern: route.pattern, entrypoint: new URL(route.entrypoint, routesDir), prerender: true });
          }
          // The project's own public/favicon.svg wins; otherwise the hub's icon is served there.
          if (!existsSync(path.join(publicDir, 'favicon.svg')))
            injectRoute({ pattern: '/favicon.svg', entrypoint: new URL('favicon.svg.ts', routesDir), prerender: true });
        };
        if (command === 'preview') {
          // `astro preview` serves what was built, under the base path the build had.
          const siteUrl = await readSiteUrl(settings.contentRoot);
          updateConfig({ site: config.site ?? siteUrl, base: basePathOf(config, siteUrl), trailingSlash: 'always' });
          return injectRoutes();
        }

        const codegenDir = fileURLToPath(createCodegenDir());
        const cliReport = process.env[CLI_BUILD_ENV];
        if (command === 'build') {
          boundHeapGrowth();
          // Nothing is written, let alone deleted, until the output folder and the lock are known to be fine.
          const output = outputFolderOf(config, cliReport !== undefined, projectRoot);
          const reads = [
            { path: settings.contentRoot, what: 'the content root' },
            { path: publicDir, what: "the project's public/ folder" },
            { path: fileURLToPath(config.srcDir), what: "the project's src/ folder" },
            { path: projectRoot, what: 'the project', outputMayBeInside: true },
          ];
          const overlaps = outputOverlapProblems(output, reads, process.cwd());
          if (overlaps.length > 0) stop(overlaps, 'the output folder overlaps a folder the build reads; nothing was deleted');
          const unwritable = unwritableProblem(output, process.cwd());
          if (unwritable) stop([unwritable], 'the output folder cannot be written; nothing was written');
          const lock = takeBuildLock(codegenDir, projectRoot);
          if ('problem' in lock) stop([lock.problem], 'another build of this project is running; nothing was written');
          // Under `release-hub build` the command learns where the site goes before anything can fail.
          if (cliReport) updateConfig({ outDir: pathToFileURL(`${stageForCli(output.path, settings.displayRoot, cliReport)}/`) });
        }
        building = command === 'build';
        hubFiles = building ? planHubFiles(settings.audience, codegenDir) : undefined;
        state = new HubState(settings, now.value, codegenDir, publicDir, command === 'build' ? 'error' : 'warning');
        // The two lines mark the validation phase in a build's log (npm run bench times it).
        logger.info(`validating ${settings.displayRoot}`);
        const validationStarted = performance.now();
        const valid = await state.load();
        logger.info(`validated ${settings.displayRoot} in ${Math.round(performance.now() - validationStarted)} ms`);
        state.printProblems();
        if (!valid && command === 'build') stop([], `${countOf(state.errorCount(), 'content error')} in ${settings.displayRoot}`);

        const siteUrl = valid ? state.snapshot().siteUrl : undefined;
        const externalHosts = valid ? state.snapshot().externalHosts : [];
        const base = basePathOf(config, siteUrl);
        updateConfig(
          hubAstroConfig({
            config,
            externalHosts,
            site: config.site ?? siteUrl,
            base,
            contentRoot: settings.contentRoot,
            plugin: releaseHubVitePlugin(state, base, hubFiles),
          }),
        );
        injectRoutes();
      },
      'astro:config:done': async ({ config, logger }) => {
        // After every integration's setup, so the Markdown processor is the one Astro renders `.md` modules with.
        if (!building || !state) return;
        const started = performance.now();
        // Not awaited here: the bundle starts meanwhile and waits only where it loads the bodies (vite-plugin.ts).
        void state.renderMarkdownBodies(config.markdown, config.image).then(
          (count) => {
            if (count > 0)
              logger.info(`rendered ${countOf(count, 'Markdown release body', 'Markdown release bodies')} in ${Math.round(performance.now() - started)} ms`);
          },
          () => {},
        ); // A failure reaches Astro through the virtual modules, which await the same rendering.
      },
      'astro:server:setup': ({ server }) => {
        if (state) watchContent(server, state);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!state) return;
        const site = fileURLToPath(dir);
        if (hubFiles) placeFiles(hubFiles, site, logger);
        // `release-hub build` writes the index itself, once this process has exited.
        if (process.env[CLI_BUILD_ENV]) return;
        await indexSite(site);
      },
    },
  };
}

/** Why: the hub's files join the pages before the index is written; a failure stops the build like any other. */
function placeFiles(plan: HubFilesPlan, site: string, logger: AstroIntegrationLogger): void {
  try {
    const { kept } = placeHubFiles(plan, site);
    if (kept.length > 0)
      logger.warn(
        `kept ${countOf(kept.length, 'file')} that the project's own pages wrote where the hub writes its files: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}`,
      );
  } catch (error) {
    process.stderr.write(`\n✗ build stopped: the hub's files could not be written: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

/** Why: the published folder: `HUB_DIST_DIR` (`release-hub build --out-dir`), else Astro's `outDir`. */
function outputFolderOf(config: AstroConfig, cli: boolean, projectRoot: string): OutputFolder {
  const dist = cli ? process.env.HUB_DIST_DIR?.trim() : undefined;
  if (dist) return { path: path.resolve(dist), file: '--out-dir (HUB_DIST_DIR)' };
  return { path: fileURLToPath(config.outDir).replace(/[\\/]+$/, ''), file: configFileOf(projectRoot), field: 'outDir' };
}

/** Why: the hub's base path is Astro's `base`, or else the path of hub.yaml's `url` (a GitHub Pages project site). */
function basePathOf(config: AstroConfig, siteUrl: string | undefined): string {
  if (config.base !== '/') return config.base;
  return siteUrl ? new URL(siteUrl).pathname : '/';
}

/**
 * Why: under `release-hub build` the site is built into a staging folder next to the published one
 * (`HUB_DIST_DIR`, else Astro's `outDir`), and the command is told where both are.
 */
function stageForCli(outDir: string, displayRoot: string, reportFile: string): string {
  const report: CliBuildReport = { outDir, stagingDir: `${outDir}.staging-${process.pid}`, displayRoot };
  writeFileSync(reportFile, JSON.stringify(report));
  return report.stagingDir;
}

/** Why: a failed check stops the command with every problem listed and one summary line, never a stack trace. */
function stop(problems: Problem[], why: string, displayRoot = ''): never {
  for (const problem of problems) process.stderr.write(`${formatProblem(problem, displayRoot)}\n`);
  process.stderr.write(`\n✗ build stopped: ${why}\n`);
  process.exit(1);
}

/**
 * Why: in the dev server an edit to any content file reloads and revalidates the hub, and the
 * browser shows the new pages, or the content errors in its overlay.
 */
function watchContent(server: ViteDevServer, state: HubState): void {
  const root = state.settings.contentRoot;
  server.watcher.add(root);
  const reload = reloadQueue(
    () => state.load(),
    () => {
      state.printProblems();
      for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
      server.ws.send({ type: 'full-reload' });
    },
  );
  const onChange = (file: string) => {
    if (path.resolve(file).startsWith(root + path.sep)) void reload();
  };
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange);
}

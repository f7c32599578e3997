/**
 * One benchmark: generate the content root, validate it, then build the hub as a team builds it
 * (`release-hub build` in a project of its own that depends on this package, see workspace.ts)
 * and the bare Astro baseline, alternately, `runs` times, each from a cold cache, measuring both
 * the same way. The report holds the median of each ratio and its spread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { releasePath } from '../../src/core/urls.ts';
import { baselineReleasePage, createBaselineSite } from './baseline.ts';
import { distStats } from './dist-stats.ts';
import { BENCH_NOW_EPOCH_SECONDS, generateContentRoot, type GeneratedRelease } from './generate.ts';
import { phaseDurations, runMeasured, type MeasuredRun, type PhaseMarker } from './measure.ts';
import { seedFor } from './random.ts';
import { editRelease, REBUILD_MARKER } from './rebuild.ts';
import { createHubProject } from './workspace.ts';
import { medianRun, ratiosOf, spreadOf, targetChecks, type BenchReport, type BenchRun, type SiteMeasurement } from './report.ts';

/** Options of `npm run bench`. */
export interface BenchOptions {
  releases: number;
  products: number;
  /** Keep the temporary folder (content, the hub's project snapshot, both sites, logs) and say where it is. */
  keep: boolean;
  skipBaseline: boolean;
  /** How many times to build each site, alternating hub and baseline (default 1). */
  runs: number;
  /** Share of release bodies written as `.mdx` (default DEFAULT_MDX_SHARE of generate.ts). */
  mdxShare?: number;
  /** Progress lines (to stderr). */
  log: (line: string) => void;
}

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Log lines that start the phases of an Astro build; the hub's search index step follows astro's "Complete!". */
const ASTRO_MARKERS: PhaseMarker[] = [
  { name: 'validation', pattern: /\[release-hub\] validating / },
  { name: 'build setup', pattern: /\[release-hub\] validated / },
  { name: 'content sync', pattern: /\[content\] Syncing content/ },
  { name: 'types and build setup', pattern: /\[content\] Synced content/ },
  { name: 'vite bundle', pattern: /Building static entrypoints/ },
  { name: 'page generation', pattern: /generating static routes/ },
  { name: 'astro finish', pattern: /page\(s\) built in/ },
  { name: 'search index', pattern: /\[build\] Complete!/ },
  { name: 'swap into place', pattern: /✓ search index/ },
];

/** Why: the whole run behind `npm run bench`; returns the report, throws on any failed step. */
export async function runBenchmark(options: BenchOptions): Promise<{ report: BenchReport; workDir: string }> {
  // Inside the checkout (.bench/ is ignored by git): Astro compiles the hub's injected .astro routes
  // only when they share a folder with the project that builds them, as they do in a team's node_modules.
  await mkdir(path.join(projectRoot, '.bench'), { recursive: true });
  const workDir = await mkdtemp(path.join(projectRoot, '.bench', 'run-'));
  const contentDir = path.join(workDir, 'content');
  const loadAverageBefore = os.loadavg();
  try {
    options.log(`generating ${options.releases} releases over ${options.products} products in ${contentDir}`);
    const generateStarted = performance.now();
    const generated = generateContentRoot({ releases: options.releases, products: options.products, mdxShare: options.mdxShare });
    let bytes = 0;
    for (const file of generated.files) {
      const target = path.join(contentDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
      bytes += Buffer.byteLength(file.content);
    }
    const generateSeconds = elapsed(generateStarted);

    options.log('validating the generated content root (loadContentRoot)');
    const validateStarted = performance.now();
    const { hub, problems } = await loadContentRoot(contentDir);
    const validateSeconds = elapsed(validateStarted);
    const warnings = problems.filter((problem) => problem.severity === 'warning');
    for (const warning of warnings.slice(0, 5)) options.log(`warning: ${formatProblem(warning, contentDir)}`);
    if (!hub)
      throw new Error(
        `the generated content root is invalid (a bug of the generator):\n${problems
          .slice(0, 20)
          .map((problem) => formatProblem(problem, contentDir))
          .join('\n')}`,
      );

    const runs: BenchRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      const of = options.runs > 1 ? ` (run ${run} of ${options.runs})` : '';
      options.log(`building the hub (release-hub build)${of}`);
      const hubSite = await measureHub(contentDir, path.join(workDir, `run-${run}`), generated.releases);
      options.log(`rebuilding the hub after an edit of one release's summary and body${of}`);
      hubSite.rebuildSeconds = await measureRebuild(contentDir, path.join(workDir, `run-${run}`), generated.releases);
      let baselineSite: SiteMeasurement | null = null;
      if (!options.skipBaseline) {
        options.log(`building the baseline (bare Astro 7 + Pagefind)${of}`);
        baselineSite = await measureBaseline(path.join(workDir, `run-${run}`, 'baseline'), path.join(contentDir, 'releases'), generated.releases);
      }
      runs.push({ hub: hubSite, baseline: baselineSite, ratios: ratiosOf(hubSite, baselineSite) });
    }
    const { hub: hubSite, baseline } = medianRun(runs);
    const report: BenchReport = {
      releases: options.releases,
      products: options.products,
      seed: seedFor(options.releases, options.products),
      generator: {
        seconds: generateSeconds,
        files: generated.files.length,
        bytes,
        runbooks: generated.runbooks,
        people: generated.people,
        validateSeconds,
        warnings: warnings.length,
      },
      machine: {
        cpus: os.availableParallelism(),
        memoryBytes: os.totalmem(),
        node: process.version,
        astro: packageVersion('astro'),
        pagefind: packageVersion('pagefind'),
        loadAverageBefore: loadAverageBefore.map(round2),
        loadAverageAfter: os.loadavg().map(round2),
      },
      hub: hubSite,
      baseline,
      ratios: spreadOf(runs)?.median ?? null,
      spread: spreadOf(runs)?.spread ?? null,
      runs: runs.map((run) => ({
        hubTotalSeconds: run.hub.totalSeconds,
        hubRebuildSeconds: run.hub.rebuildSeconds,
        baselineTotalSeconds: run.baseline?.totalSeconds ?? null,
        hubPeakRssBytes: run.hub.peakRssBytes,
        baselinePeakRssBytes: run.baseline?.peakRssBytes ?? null,
        ratios: run.ratios,
      })),
      targets: targetChecks(hubSite, baseline, spreadOf(runs)?.median ?? null),
    };
    return { report, workDir };
  } finally {
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }
}

/** Why: the hub is built by a team's own command (`release-hub build` in its project), so the benchmark measures what a team waits for. */
async function measureHub(contentDir: string, runDir: string, releases: GeneratedRelease[]): Promise<SiteMeasurement> {
  const hubProject = path.join(runDir, 'hub-project');
  const distDir = path.join(runDir, 'hub-dist');
  await createHubProject(hubProject, contentDir, projectRoot);
  const logFile = path.join(runDir, 'hub-build.log');
  const run = await mustSucceed(
    'hub build',
    runMeasured(process.execPath, [path.join(projectRoot, 'bin/release-hub.mjs'), 'build'], {
      cwd: hubProject,
      env: childEnv(hubProject, { HUB_DIST_DIR: distDir, HUB_AUDIENCE: 'internal' }),
      logFile,
      markers: ASTRO_MARKERS,
    }),
    logFile,
  );
  const phases = phaseDurations(run.phaseStarts, run.seconds, 'start');
  const stats = await distStats(
    distDir,
    releases.map((release) => `${releasePath(release).slice(1)}index.html`),
  );
  const indexSeconds = stats.pagefindBytes > 0 && phases['search index'] !== undefined ? phases['search index'] : null;
  return {
    ...stats,
    buildSeconds: round3(run.seconds - (indexSeconds ?? 0)),
    indexSeconds,
    totalSeconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakRssBytes: run.peakRssBytes,
    pagesPerSecond: round2(stats.pages / run.seconds),
    phases,
    rebuildSeconds: null,
  };
}

/**
 * Why: a team waits for the rebuild after each edit, not only for the first build: one release (the
 * newest of the generated list, the one an author edits) gets a new summary and body, the hub
 * project that just built is built again into the same folder with its caches, and the file is put
 * back as it was for the baseline and the next runs. Returns the rebuild's wall seconds.
 */
async function measureRebuild(contentDir: string, runDir: string, releases: GeneratedRelease[]): Promise<number> {
  const hubProject = path.join(runDir, 'hub-project');
  const distDir = path.join(runDir, 'hub-dist');
  const edited = releases.at(-1)!;
  const file = path.join(contentDir, edited.file);
  const original = await readFile(file, 'utf8');
  await writeFile(file, editRelease(original));
  try {
    const logFile = path.join(runDir, 'hub-rebuild.log');
    const run = await mustSucceed(
      'hub rebuild',
      runMeasured(process.execPath, [path.join(projectRoot, 'bin/release-hub.mjs'), 'build'], {
        cwd: hubProject,
        env: childEnv(hubProject, { HUB_DIST_DIR: distDir, HUB_AUDIENCE: 'internal' }),
        logFile,
        markers: [],
      }),
      logFile,
    );
    const page = path.join(distDir, releasePath(edited).slice(1), 'index.html');
    if (!readFileSync(page, 'utf8').includes(REBUILD_MARKER)) throw new Error(`the rebuild did not show the edit of ${edited.file} on ${page}`);
    return run.seconds;
  } finally {
    await writeFile(file, original);
  }
}

/** Why: the baseline is built and indexed as two commands, measured the same way as the hub. */
async function measureBaseline(siteDir: string, releasesDir: string, releases: GeneratedRelease[]): Promise<SiteMeasurement> {
  await createBaselineSite(siteDir, releasesDir, projectRoot);
  const env = childEnv(siteDir, {});
  const workDir = path.dirname(siteDir);
  const buildLog = path.join(workDir, 'baseline-build.log');
  const build = await mustSucceed(
    'baseline build',
    runMeasured(process.execPath, [path.join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: siteDir,
      env,
      logFile: buildLog,
      markers: ASTRO_MARKERS,
    }),
    buildLog,
  );
  const indexLog = path.join(workDir, 'baseline-index.log');
  const index = await mustSucceed(
    'baseline Pagefind',
    runMeasured(path.join(siteDir, 'node_modules/.bin/pagefind'), ['--site', 'dist'], { cwd: siteDir, env, logFile: indexLog, markers: [] }),
    indexLog,
  );
  const distDir = path.join(siteDir, 'dist');
  const stats = await distStats(distDir, releases.map(baselineReleasePage));
  const totalSeconds = round3(build.seconds + index.seconds);
  const { 'search index': _afterAstro, ...buildPhases } = phaseDurations(build.phaseStarts, build.seconds, 'start');
  return {
    ...stats,
    buildSeconds: build.seconds,
    indexSeconds: index.seconds,
    totalSeconds,
    cpuSeconds: build.cpuSeconds === null || index.cpuSeconds === null ? null : round3(build.cpuSeconds + index.cpuSeconds),
    peakRssBytes: Math.max(build.peakRssBytes, index.peakRssBytes),
    pagesPerSecond: round2(stats.pages / totalSeconds),
    phases: { ...buildPhases, pagefind: index.seconds },
    rebuildSeconds: null,
  };
}

/** The same environment for every build: pinned Node first on PATH, a fixed "now", no telemetry. */
function childEnv(root: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(root, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    SOURCE_DATE_EPOCH: String(BENCH_NOW_EPOCH_SECONDS),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

async function mustSucceed(what: string, running: Promise<MeasuredRun>, logFile: string): Promise<MeasuredRun> {
  const run = await running;
  if (run.exitCode === 0) return run;
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  throw new Error(`${what} failed with exit code ${run.exitCode}; last lines of ${logFile}:\n${tail}`);
}

function packageVersion(name: string): string {
  const file = path.join(projectRoot, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'not installed';
}

function elapsed(started: number): number {
  return round3((performance.now() - started) / 1000);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

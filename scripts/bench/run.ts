/**
 * One benchmark run: generate the content root, validate it, build the hub with the user's own
 * `npm run build` (scripts/build.mjs) (in a snapshot of the project, see workspace.ts), build the baseline, and
 * measure both the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContentRoot } from '../../src/lib/content/load';
import { formatProblem } from '../../src/lib/content/problems';
import { releasePath } from '../../src/lib/urls';
import { baselineReleasePage, createBaselineSite } from './baseline';
import { distStats } from './dist-stats';
import { BENCH_NOW_EPOCH_SECONDS, generateContentRoot, type GeneratedRelease } from './generate';
import { phaseDurations, runMeasured, type MeasuredRun, type PhaseMarker } from './measure';
import { seedFor } from './random';
import { snapshotProject } from './workspace';
import { ratiosOf, targetChecks, type BenchReport, type SiteMeasurement } from './report';

/** Options of `npm run bench`. */
export interface BenchOptions {
  releases: number;
  products: number;
  /** Keep the temporary folder (content, the hub's project snapshot, both sites, logs) and say where it is. */
  keep: boolean;
  skipBaseline: boolean;
  /** Progress lines (to stderr). */
  log: (line: string) => void;
}

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Log lines that start the phases of an Astro build; the hub's search index step follows astro's "Complete!". */
const ASTRO_MARKERS: PhaseMarker[] = [
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
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'release-hub-bench-'));
  const contentDir = path.join(workDir, 'content');
  const hubDist = path.join(workDir, 'hub-dist');
  const loadAverageBefore = os.loadavg();
  try {
    options.log(`generating ${options.releases} releases over ${options.products} products in ${contentDir}`);
    const generateStarted = performance.now();
    const generated = generateContentRoot({ releases: options.releases, products: options.products });
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
    if (!hub) throw new Error(`the generated content root is invalid (a bug of the generator):\n${problems.slice(0, 20).map((problem) => formatProblem(problem, contentDir)).join('\n')}`);

    options.log('building the hub (npm run build)');
    const hubSite = await measureHub(contentDir, hubDist, workDir, generated.releases);
    let baseline: SiteMeasurement | null = null;
    if (!options.skipBaseline) {
      options.log('building the baseline (bare Astro 7 + Pagefind)');
      baseline = await measureBaseline(path.join(workDir, 'baseline'), path.join(contentDir, 'releases'), workDir, generated.releases);
    }
    const report: BenchReport = {
      releases: options.releases,
      products: options.products,
      seed: seedFor(options.releases, options.products),
      generator: { seconds: generateSeconds, files: generated.files.length, bytes, runbooks: generated.runbooks, people: generated.people, validateSeconds, warnings: warnings.length },
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
      ratios: baseline ? ratiosOf(hubSite, baseline) : null,
      targets: targetChecks(hubSite, baseline),
    };
    return { report, workDir };
  } finally {
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }
}

/** Why: the hub is built by the user's own command (`npm run build` = scripts/build.mjs), so the benchmark measures whatever it builds. */
async function measureHub(contentDir: string, distDir: string, workDir: string, releases: GeneratedRelease[]): Promise<SiteMeasurement> {
  const hubProject = path.join(workDir, 'hub-project');
  await snapshotProject(projectRoot, hubProject);
  const logFile = path.join(workDir, 'hub-build.log');
  const run = await mustSucceed(
    'hub build',
    runMeasured(process.execPath, ['scripts/build.mjs'], {
      cwd: hubProject,
      env: childEnv(hubProject, { HUB_CONTENT_DIR: contentDir, HUB_DIST_DIR: distDir, HUB_AUDIENCE: 'internal' }),
      logFile,
      markers: ASTRO_MARKERS,
    }),
    logFile,
  );
  const phases = phaseDurations(run.phaseStarts, run.seconds, 'validate and start');
  const stats = await distStats(distDir, releases.map((release) => `${releasePath(release).slice(1)}index.html`));
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
  };
}

/** Why: the baseline is built and indexed as two commands, measured the same way as the hub. */
async function measureBaseline(siteDir: string, releasesDir: string, workDir: string, releases: GeneratedRelease[]): Promise<SiteMeasurement> {
  await createBaselineSite(siteDir, releasesDir, projectRoot);
  const env = childEnv(siteDir, {});
  const buildLog = path.join(workDir, 'baseline-build.log');
  const build = await mustSucceed(
    'baseline build',
    runMeasured(process.execPath, [path.join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: siteDir, env, logFile: buildLog, markers: ASTRO_MARKERS }),
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

/**
 * Builds every scenario of tests/build/scenarios.ts once per test run, two at a time, each with
 * `release-hub build` from its own project into its own folder, and gives the tests what each
 * build gave (`scenario(name)` in tests/build/helpers/scenario.ts). A build that fails when it
 * should not is not an error here: the tests that read it fail, each with the build's output.
 * `HUB_TEST_SCENARIOS=robust,minimal` builds only those (for a focused run of a few test files);
 * `team-hub` there makes the team hub of tests/e2e/team-repo.test.ts, which a full run makes too.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { plainOutput } from './helpers/run.ts';
import { makeTeamHub, type TeamHub } from '../e2e/helpers/team-hub.ts';
import {
  type BuildResult,
  fixturesDir,
  projectRoot,
  SCENARIOS,
  type Scenario,
  type ScenarioContent,
  type ScenarioName,
  type ScenarioResult,
  TEST_NOW_EPOCH,
} from './scenarios.ts';

/** Builds at once: CI has 2 cores, and each build keeps one busy. */
const CONCURRENCY = 2;
const cli = path.join(projectRoot, 'bin/release-hub.mjs');

export default async function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'release-hub-scenarios-'));
  const only = process.env.HUB_TEST_SCENARIOS?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const names = (Object.keys(SCENARIOS) as ScenarioName[]).filter((name) => !only || only.includes(name));
  // The team hub of tests/e2e/team-repo.test.ts installs from the registry while the scenarios build.
  const teamHub = !only || only.includes('team-hub') ? makeTeamHub(projectRoot) : undefined;
  const results: Partial<Record<ScenarioName, ScenarioResult>> = {};
  const started = performance.now();
  const started_ = new Map<ScenarioName, Promise<ScenarioResult>>();
  const build = (name: ScenarioName): Promise<ScenarioResult> => {
    let result = started_.get(name);
    if (!result) {
      result = buildScenario(name, SCENARIOS[name], path.join(runDir, name), build);
      started_.set(name, result);
    }
    return result;
  };
  // A scenario that starts from another's site waits for that one, so it is queued last.
  const queue = [...names.filter((name) => !startsFrom(name)), ...names.filter((name) => startsFrom(name))];
  await inParallel(queue, CONCURRENCY, async (name) => {
    results[name] = await build(name);
  });
  process.stderr.write(`scenarios: ${names.length} built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('scenarios', results);
  const team = await teamHub;
  if (team) {
    process.stderr.write(`scenarios: team-hub ${team.error ? 'failed' : 'made'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    project.provide('teamHub', team);
  }
  return () => {
    rmSync(runDir, { recursive: true, force: true });
    if (team) rmSync(team.work, { recursive: true, force: true });
  };
}

function startsFrom(name: ScenarioName): ScenarioName | undefined {
  return (SCENARIOS[name] as Scenario).startFrom as ScenarioName | undefined;
}

async function buildScenario(
  name: ScenarioName,
  scenario: Scenario,
  dir: string,
  build: (name: ScenarioName) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const dist = path.join(dir, 'dist');
  const builds: BuildResult[] = [];
  const from = startsFrom(name);
  if (from) cpSync((await build(from)).dist, dist, { recursive: true });
  const indexBefore = path.join(dist, 'index.html');
  const indexHtmlBefore = existsSync(indexBefore) ? readFileSync(indexBefore, 'utf8') : undefined;
  let content = '';
  const began = performance.now();
  for (const [index, build] of scenario.builds.entries()) {
    content = prepareContent(build.content, path.join(dir, `content-${index}`), scenario);
    const env: Record<string, string> = {
      SOURCE_DATE_EPOCH: TEST_NOW_EPOCH,
      ...(build.content.kind === 'project' ? {} : { HUB_CONTENT_DIR: content }),
      ...build.env,
    };
    const result = await run(process.execPath, [cli, 'build', '--root', projectDirOf(scenario), '--out-dir', dist], env);
    const index_ = path.join(dist, 'index.html');
    builds.push({ ...result, indexHtml: existsSync(index_) ? readFileSync(index_, 'utf8') : undefined });
  }
  process.stderr.write(
    `scenarios: ${name} ${builds.map((build) => (build.status === 0 ? 'built' : `exit ${build.status}`)).join(', ')} (${((performance.now() - began) / 1000).toFixed(1)} s)\n`,
  );
  return { dist, content, builds, indexHtmlBefore };
}

/** A scenario's Astro project: tests/fixtures/<project>/, or this repository for `.`. */
function projectDirOf(scenario: Scenario): string {
  return scenario.project === '.' ? projectRoot : path.join(fixturesDir, scenario.project);
}

/** The content root of one build: the project's own, or a composed copy in the run folder. */
function prepareContent(content: ScenarioContent, target: string, scenario: Scenario): string {
  if (content.kind === 'project') return path.join(projectDirOf(scenario), 'content');
  if (content.kind === 'composed') {
    for (const layer of [content.base, ...(content.overlays ?? [])]) cpSync(path.join(fixturesDir, layer), target, { recursive: true });
    return target;
  }
  const source = path.join(projectRoot, 'content');
  const files = readdirSync(source, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(source, path.join(entry.parentPath, entry.name)))
    .sort()
    .reverse();
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(path.join(source, file), path.join(target, file));
  }
  return target;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<Omit<BuildResult, 'indexHtml'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve(plainOutput({ status, stdout, stderr })));
  });
}

/** Runs `work` over the items, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    scenarios: Partial<Record<ScenarioName, ScenarioResult>>;
    teamHub?: TeamHub;
  }
}

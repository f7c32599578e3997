/**
 * `npm test`: everything CI checks, in one command: lint and format (Biome), types (`astro check`),
 * then every test (unit, built sites, browser) in one Vitest run. It ends with one plain line
 * `N passed, N failed` that counts every test, every test file that failed to load or threw in
 * setup, and each of the two checks. Arguments go to Vitest (`npm test -- tests/unit/time`), and
 * then the checks are left out: they are for the whole tree.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countResults } from './test-report.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const vitestArgs = process.argv.slice(2);

interface Check {
  name: string;
  passed: boolean;
}

/** A whole-tree check counts as one test: it passes or it fails, with its own output above. */
function check(name: string, command: string, args: string[]): Check {
  process.stdout.write(`\n▶ ${name}: ${path.basename(command)} ${args.join(' ')}\n`);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return finished(name, result.status === 0, started);
}

function finished(name: string, passed: boolean, started: number): Check {
  process.stdout.write(`${passed ? '✓' : '✗'} ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return { name, passed };
}

/** The type check runs beside the tests (it waits on files while they wait on builds); its output is printed after them. */
function startInBackground(name: string, command: string, args: string[]): () => Promise<Check> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  return async () => {
    const status = await done;
    process.stdout.write(`\n▶ ${name}: ${path.basename(command)} ${args.join(' ')}\n${output}`);
    return finished(name, status === 0, started);
  };
}

/**
 * The tests' temporary folders (fixture hubs, scenario builds, the team hub, the browser's
 * profile) go into one folder per run, removed when the run ends: none is left in the machine's
 * temporary folder, whatever a test forgets to clean up.
 */
function runVitest(): { passed: number; failed: number; ran: boolean } {
  const temporary = mkdtempSync(path.join(os.tmpdir(), 'release-hub-test-run-'));
  try {
    return runVitestIn(temporary);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

function runVitestIn(temporary: string): { passed: number; failed: number; ran: boolean } {
  const report = path.join(root, '.test-output', 'vitest.json');
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  process.stdout.write(`\n▶ tests: vitest run ${vitestArgs.join(' ')}\n`);
  const vitest = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
    {
      cwd: root,
      stdio: 'inherit',
      // Node's compile cache, in the run's folder, lets the run's many Node processes (the scenario
      // builds, every command a test runs) reuse each other's compiled code: Astro turns it off
      // when $CI is set, and a cold start costs a build about 0.4 s.
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TMPDIR: temporary, NODE_COMPILE_CACHE: path.join(temporary, 'node-compile-cache') },
    },
  );
  try {
    const counts = countResults(JSON.parse(readFileSync(report, 'utf8')));
    if (counts.filesFailedToRun > 0) process.stdout.write(`${counts.filesFailedToRun} test file(s) failed to load or in setup; each counts as a failure\n`);
    // Vitest failing without a failed test (a global setup error, an unhandled error) is a failure too.
    const unexplained = vitest.status !== 0 && counts.failed === 0 ? 1 : 0;
    if (unexplained) process.stdout.write(`vitest exited ${vitest.status} without a failed test: counted as one failure\n`);
    return { passed: counts.passed, failed: counts.failed + unexplained, ran: true };
  } catch {
    process.stdout.write('vitest wrote no report: it did not run\n');
    return { passed: 0, failed: 1, ran: false };
  }
}

const whole = vitestArgs.length === 0;
const checks = whole ? [check('lint', bin('biome'), ['check', '.'])] : [];
const typecheck = whole ? startInBackground('typecheck', bin('astro'), ['check']) : undefined;
const tests = runVitest();
if (typecheck) checks.push(await typecheck());
const passed = tests.passed + checks.filter((one) => one.passed).length;
const failed = tests.failed + checks.filter((one) => !one.passed).length;
if (passed + failed === 0 || (tests.ran && tests.passed + tests.failed === 0)) process.stdout.write('no test was collected: that is a failure\n');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || tests.passed === 0 ? 1 : 0);

/**
 * `npm test`: every test of the project (unit, build outputs, browser) in one Vitest run, ending
 * with one plain line `N passed, N failed` so a run that tested nothing is visible.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const report = path.join(root, '.test-output', 'vitest.json');
mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });

const vitest = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
);

let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; testResults: { status: string }[] };
  passed = results.numPassedTests;
  // Test files that failed to load count as failures too.
  failed = results.numFailedTests + results.testResults.filter((file) => file.status === 'failed').length * Number(results.numFailedTests === 0);
} catch {
  failed = 1;
  console.error('vitest wrote no report: it did not run');
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status !== 0 || failed > 0 || passed === 0 ? 1 : 0);

/** What the global setup built: a test asks for a scenario by name and reads its output (it never builds). */
import { inject } from 'vitest';
import type { ScenarioName, ScenarioResult } from '../scenarios.ts';

export { TEST_NOW_EPOCH } from '../scenarios.ts';

/** Why: every build of a scenario as it came out, failures included (a test of a failing build reads its output). */
export function scenario(name: ScenarioName): ScenarioResult {
  const result = inject('scenarios')[name];
  if (!result) throw new Error(`the scenario "${name}" was not built in this run (HUB_TEST_SCENARIOS leaves it out?)`);
  return result;
}

/** Why: a test of a built site fails with the build's own output when the build did not succeed. */
export function builtSite(name: ScenarioName): string {
  const result = scenario(name);
  const failed = result.builds.find((build) => build.status !== 0);
  if (failed) throw new Error(`building the scenario "${name}" failed (exit ${failed.status}):\n${failed.stdout}\n${failed.stderr}`);
  return result.dist;
}

/**
 * Environments of a deployment (SPEC §4 `byEnvironment`). DORA's keys count deployments to the
 * release environment (where a release reaches its users) only: that is SPEC §4's D. Every other
 * environment is counted for its own frequency and duration, from the releases' `deployments`.
 */
import type { HubConfig, Release } from '../core/model.ts';
import { deploymentsOf } from '../process/environments.ts';

/**
 * Why: a release's succeeded, finished deployments to a non-release environment, each read as a
 * release deployed there, so SPEC §4's formulas (count, per month, duration) apply unchanged.
 */
export function deployedIn(releases: readonly Release[], config: Pick<HubConfig, 'environments'>, environment: string): Release[] {
  return releases.flatMap((release) =>
    deploymentsOf(release, config)
      .filter((deployment) => deployment.environment === environment && deployment.status === 'succeeded' && deployment.finishedAt)
      .map((deployment): Release => ({ ...release, status: 'released', deployment: { startedAt: deployment.startedAt, finishedAt: deployment.finishedAt } })),
  );
}

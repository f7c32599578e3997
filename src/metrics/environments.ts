/**
 * Environments of a deployment. DORA's keys count deployments to the release environment (where a
 * release reaches its users) only. Until the content model has environments, every deployment is
 * a release: `environmentOf` is the one place that changes when it does.
 */
import type { Release } from '../core/model.ts';

/** The environment DORA's keys and SPEC §4's D count. */
export const RELEASE_ENVIRONMENT = 'release';

/** Why: per-environment figures group deployments by this key; today every deployment is in the release environment. */
export function environmentOf(_release: Release): string {
  return RELEASE_ENVIRONMENT;
}

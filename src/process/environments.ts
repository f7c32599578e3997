/**
 * Environments and promotion (SPEC §5): the order a release moves through hub.yaml's environments,
 * the release environment (where its finished deployment is the release time), the promotion path
 * a release page shows and what runs where at the build's "now". Pure: the clock is never read.
 *
 * Decisions where the issue is silent:
 * - The release environment's deployment of a release (its `deployment`) is the newest finished one
 *   that succeeded, else the newest finished one, else the newest started one.
 * - Promotion order: a deployment to an environment needs a succeeded deployment to every earlier
 *   environment that finished by the time it started. Only releases that record `deployments` are
 *   checked: one written with the `deployment` shorthand alone says nothing of earlier environments.
 * - What runs where: per product and environment, the newest succeeded deployment finished by now,
 *   unless the same release was rolled back (or failed) there later, by now; in the release
 *   environment, never a release whose status is `rolled-back`.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Deployment, Environment, Hub, HubConfig, Product, Release } from '../core/model.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { compareTimes } from '../core/time.ts';
import { formatDateTime, isoDateTime } from '../presentation/format.ts';

/**
 * The environments of a hub made in memory, without hub.yaml (whose default is one `production`):
 * one release environment, `release`, whose deployments are SPEC §4's D.
 */
const IN_MEMORY_ENVIRONMENTS: readonly Environment[] = [{ id: 'release', name: 'Release', release: true }];

/** Why: one list of environments for every reader, hub.yaml's or the default. */
export function environmentsOf(config: Pick<HubConfig, 'environments'>): readonly Environment[] {
  return config.environments ?? IN_MEMORY_ENVIRONMENTS;
}

/** Why: the one environment where a release reaches its users (hub.yaml `release: true`). */
export function releaseEnvironmentOf(config: Pick<HubConfig, 'environments'>): Environment {
  const environments = environmentsOf(config);
  return environments.find((environment) => environment.release) ?? environments.at(-1)!;
}

/**
 * Why: every deployment of a release. The loader always sets `deployments`; a release made in
 * memory with the `deployment` shorthand only is read as one deployment to the release environment.
 */
export function deploymentsOf(release: Release, config: Pick<HubConfig, 'environments'>): readonly Deployment[] {
  if (release.deployments) return release.deployments;
  return release.deployment ? [shorthandDeployment(release, releaseEnvironmentOf(config).id, release.deployment)] : [];
}

/** Why: `deployment:` in a release file is a deployment to the release environment; a rolled-back release's was rolled back. */
export function shorthandDeployment(
  release: Pick<Release, 'status'>,
  environment: string,
  times: { startedAt?: Temporal.ZonedDateTime; finishedAt?: Temporal.ZonedDateTime },
): Deployment {
  return {
    environment,
    ...(times.startedAt ? { startedAt: times.startedAt } : {}),
    ...(times.finishedAt ? { finishedAt: times.finishedAt } : {}),
    status: release.status === 'rolled-back' ? 'rolled-back' : 'succeeded',
  };
}

/** Why: the release time comes from the release environment's deployment (see the file comment for which one). */
export function releaseDeploymentOf(
  deployments: readonly Deployment[],
  releaseEnvironment: string,
): { startedAt?: Temporal.ZonedDateTime; finishedAt?: Temporal.ZonedDateTime } | undefined {
  const own = deployments.filter((deployment) => deployment.environment === releaseEnvironment);
  const finished = own.filter((deployment) => deployment.finishedAt).sort((a, b) => compareTimes(b.finishedAt!, a.finishedAt!));
  const started = own.filter((deployment) => deployment.startedAt).sort((a, b) => compareTimes(b.startedAt!, a.startedAt!));
  const chosen = finished.find((deployment) => deployment.status === 'succeeded') ?? finished[0] ?? started[0];
  if (!chosen) return undefined;
  return { ...(chosen.startedAt ? { startedAt: chosen.startedAt } : {}), ...(chosen.finishedAt ? { finishedAt: chosen.finishedAt } : {}) };
}

/** A deployment that breaks the promotion order: its position in the list, what is wrong and how to fix it. */
export interface PromotionIssue {
  index: number;
  message: string;
  fix: string;
}

/** Why: no release reaches an environment before every earlier one, unless it says why (`skipEnvironments`). */
export function promotionIssues(deployments: readonly Deployment[], environments: readonly Environment[], zone: string): PromotionIssue[] {
  const position = new Map(environments.map((environment, index) => [environment.id, index]));
  const issues: PromotionIssue[] = [];
  deployments.forEach((deployment, index) => {
    const at = position.get(deployment.environment);
    const reached = deployment.startedAt ?? deployment.finishedAt;
    if (at === undefined || !reached) return;
    const target = environments[at]!;
    for (const earlier of environments.slice(0, at)) {
      const before = deployments.filter((other) => other.environment === earlier.id && other.status === 'succeeded' && other.finishedAt);
      if (before.length === 0) {
        issues.push({
          index,
          message: `reaches ${target.name} without a succeeded deployment to ${earlier.name}, which comes first`,
          fix: `record the ${earlier.id} deployment, or set skipEnvironments: <why>`,
        });
        return;
      }
      const first = before.map((other) => other.finishedAt!).sort(compareTimes)[0]!;
      if (compareTimes(first, reached) > 0) {
        issues.push({
          index,
          message: `reaches ${target.name} (${formatDateTime(reached, zone)}) before ${earlier.name} finished (${formatDateTime(first, zone)})`,
          fix: 'fix the times, or set skipEnvironments: <why>',
        });
        return;
      }
    }
  });
  return issues;
}

/** One environment on a release's promotion path: its deployments in time order, none when the release has not reached it. */
export interface PromotionStep {
  environment: Environment;
  deployments: Deployment[];
}

/** Why: the release page shows every environment in order, with the deployments of this release there. */
export function promotionPath(release: Release, config: Pick<HubConfig, 'environments'>): PromotionStep[] {
  const deployments = deploymentsOf(release, config);
  return environmentsOf(config).map((environment) => ({
    environment,
    deployments: deployments
      .filter((deployment) => deployment.environment === environment.id)
      .sort((a, b) => compareOptionalTimes(a.startedAt ?? a.finishedAt, b.startedAt ?? b.finishedAt)),
  }));
}

/** What runs in one environment of one product. */
export interface RunningRelease {
  release: Release;
  deployment: Deployment & { finishedAt: Temporal.ZonedDateTime };
}

/** One product and what runs in each environment (`undefined`: nothing deployed there yet). */
export interface ProductEnvironments {
  product: Product;
  environments: { environment: Environment; running?: RunningRelease }[];
}

const runningByHub = new WeakMap<Hub, { now: bigint; running: ProductEnvironments[] }>();

/**
 * Why: the dashboard, `/api/environments.json` and the "In production" line of release lists and
 * changelogs say what runs where at the build's "now", by one rule (computed once per hub and "now").
 */
export function whatRunsWhere(hub: Hub, now: Temporal.Instant): ProductEnvironments[] {
  const cached = runningByHub.get(hub);
  if (cached && cached.now === now.epochNanoseconds) return cached.running;
  const running = computeWhatRunsWhere(hub, now);
  runningByHub.set(hub, { now: now.epochNanoseconds, running });
  return running;
}

function computeWhatRunsWhere(hub: Hub, now: Temporal.Instant): ProductEnvironments[] {
  const environments = environmentsOf(hub.config);
  const done = (deployment: Deployment): deployment is Deployment & { finishedAt: Temporal.ZonedDateTime } =>
    deployment.finishedAt !== undefined && deployment.finishedAt.epochNanoseconds <= now.epochNanoseconds;
  return hub.config.products.map((product) => ({
    product,
    environments: environments.map((environment) => {
      const candidates = hub.releases
        .filter((release) => release.product === product.id)
        .flatMap((release) => {
          const here = deploymentsOf(release, hub.config).filter((deployment) => deployment.environment === environment.id && done(deployment));
          // A rolled-back release no longer runs where its users are, whatever its deployment there says.
          if (environment.release && release.status === 'rolled-back') return [];
          return here
            .filter((deployment): deployment is RunningRelease['deployment'] => deployment.status === 'succeeded')
            .filter((deployment) => !here.some((other) => other.status !== 'succeeded' && compareTimes(other.finishedAt!, deployment.finishedAt) >= 0))
            .map((deployment) => ({ release, deployment }));
        })
        // Two finished at the same instant: the higher version runs (then the release id, for determinism).
        .sort(
          (a, b) =>
            compareTimes(b.deployment.finishedAt, a.deployment.finishedAt) ||
            compareVersionsDescending(a.release.version, b.release.version) ||
            compareText(a.release.id, b.release.id),
        );
      return { environment, ...(candidates[0] ? { running: candidates[0] } : {}) };
    }),
  }));
}

function compareOptionalTimes(a: Temporal.ZonedDateTime | undefined, b: Temporal.ZonedDateTime | undefined): number {
  if (a && b) return compareTimes(a, b);
  return a ? -1 : b ? 1 : 0;
}

/** Code-point order, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `/api/environments.json`: what runs where at the build's "now" (internal build only). */
export interface EnvironmentsDocument {
  /** The build's "now". */
  generatedAt: string;
  /** The zone of the times below. */
  timezone: string;
  /** hub.yaml `environments`, in promotion order. */
  environments: { id: string; name: string; release: boolean }[];
  /** Per product, per environment: the release running there (`null` fields: nothing deployed yet). */
  products: {
    id: string;
    name: string;
    environments: { environment: string; release: string | null; version: string | null; url: string | null; finishedAt: string | null }[];
  }[];
}

/** Why: tools read what runs where as JSON, by the dashboard's rule; `urlOf` makes a release's absolute URL. */
export function environmentsDocument(hub: Hub, now: Temporal.Instant, urlOf: (release: Release) => string): EnvironmentsDocument {
  return {
    generatedAt: now.toString(),
    timezone: hub.config.timezone,
    environments: environmentsOf(hub.config).map(({ id, name, release }) => ({ id, name, release })),
    products: whatRunsWhere(hub, now).map(({ product, environments }) => ({
      id: product.id,
      name: product.name,
      environments: environments.map(({ environment, running }) => ({
        environment: environment.id,
        release: running?.release.id ?? null,
        version: running?.release.version ?? null,
        url: running ? urlOf(running.release) : null,
        finishedAt: running ? isoDateTime(running.deployment.finishedAt.withTimeZone(hub.config.timezone)) : null,
      })),
    })),
  };
}

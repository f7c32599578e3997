/** Turning a validated release frontmatter into a model release: product, zone and instants. */
import { Temporal } from 'temporal-polyfill';
import type { ReleaseInput } from '../schemas/release.ts';
import type { Deployment, Gtm, HubConfig, Release } from '../core/model.ts';
import { compareTimes, parseWrittenTime } from '../core/time.ts';
import { environmentsOf, promotionIssues, releaseDeploymentOf, releaseEnvironmentOf, shorthandDeployment } from '../process/environments.ts';
import { findFieldLinks, findInternalLinks, hubReleasePath } from './content-links.ts';
import { fieldPath, type Problem } from './problems.ts';
import type { FrontmatterSource, YamlSource } from './source.ts';
import { suggestion } from './zod-problems.ts';
import { resolveAdvisory } from './advisory-check.ts';
import { resolveRemoval } from './removal-check.ts';

/** A release with the source it came from. */
export interface LoadedRelease {
  release: Release;
  source: YamlSource;
}

/** Why: times in a release file are local to its zone; this is where they become instants. */
export function resolveRelease(input: ReleaseInput, source: FrontmatterSource, config: HubConfig, entryId: string, problems: Problem[]): Release | undefined {
  const before = problems.length;
  const error = (path: PropertyKey[], message: string, fix?: string) =>
    problems.push({ severity: 'error', file: source.file, line: source.lineOf(path), field: fieldPath(path), message, fix });
  const product = resolveProduct(input, config, error);
  const zone = input.window?.timezone ?? config.timezone;
  const time = (path: PropertyKey[], value: string | undefined): Temporal.ZonedDateTime | undefined => {
    if (value === undefined) return undefined;
    const parsed = parseWrittenTime(value, zone);
    if (parsed.ok) return parsed.value;
    error(path, parsed.message, 'write a time before or after the jump, or give it an offset such as +01:00');
    return undefined;
  };
  const window = input.window && { start: time(['window', 'start'], input.window.start), end: time(['window', 'end'], input.window.end) };
  if (window?.start && window.end && window.end.toInstant().epochMilliseconds <= window.start.toInstant().epochMilliseconds) {
    error(['window', 'end'], `must be after window.start (${input.window!.end} ≤ ${input.window!.start})`, 'fix the window or drop it');
  }
  const deployment = input.deployment && {
    startedAt: time(['deployment', 'startedAt'], input.deployment.startedAt),
    finishedAt: time(['deployment', 'finishedAt'], input.deployment.finishedAt),
  };
  if (
    deployment?.startedAt &&
    deployment.finishedAt &&
    deployment.finishedAt.toInstant().epochMilliseconds < deployment.startedAt.toInstant().epochMilliseconds
  ) {
    error(
      ['deployment', 'finishedAt'],
      `is before deployment.startedAt (${input.deployment!.finishedAt} < ${input.deployment!.startedAt})`,
      'fix the deployment times',
    );
  }
  const deployments = resolveDeployments(input, deployment, config, time, error);
  const approvals = input.approvals.map((approval, index) => ({ ...approval, at: time(['approvals', index, 'at'], approval.at) }));
  const checks = input.checks.map((check, index) => ({ ...check, at: time(['checks', index, 'at'], check.at) }));
  const incidents = input.incidents.map((incident, index) => {
    const startedAt = time(['incidents', index, 'startedAt'], incident.startedAt);
    const resolvedAt = time(['incidents', index, 'resolvedAt'], incident.resolvedAt);
    if (startedAt && resolvedAt && resolvedAt.toInstant().epochMilliseconds < startedAt.toInstant().epochMilliseconds) {
      error(['incidents', index, 'resolvedAt'], `is before startedAt (${incident.resolvedAt} < ${incident.startedAt})`, 'fix the incident times');
    }
    return { ...incident, startedAt: startedAt!, resolvedAt };
  });
  if (input.status === 'rolled-back' && !input.rollback) {
    error(['status'], 'is rolled-back but the release has no rollback', 'add rollback: { runbook, at, reason } or change the status');
  }
  const rollback = input.rollback && { ...input.rollback, at: time(['rollback', 'at'], input.rollback.at) };
  const gtm = input.gtm && resolveGtm(input.gtm, time(['gtm', 'launchDate'], input.gtm.launchDate));
  const acceptedAt = time(['acceptedAt'], input.acceptedAt);
  const changes = input.changes.map(({ advisory, removal, ...change }, index) => ({
    ...change,
    audience: change.audience ?? input.audience,
    ...(advisory ? { advisory: resolveAdvisory(advisory, change.type, ['changes', index], time, error) } : {}),
    ...(removal ? { removal: resolveRemoval(removal, { type: change.type, version: input.version }, ['changes', index], time, error) } : {}),
  }));
  if (problems.length > before || !product) return undefined;
  return {
    ...input,
    id: `${product}/${input.version}`,
    product,
    timezone: zone,
    window: window?.start && window.end ? { start: window.start, end: window.end } : undefined,
    acceptedAt,
    deployment: input.deployment ? deployment : releaseDeploymentOf(deployments, releaseEnvironmentOf(config).id),
    deployments,
    approvals,
    checks,
    review: input.review && {
      ...input.review,
      date: Temporal.PlainDate.from(input.review.date),
      actions: input.review.actions.map((action) => ({ ...action, due: action.due ? Temporal.PlainDate.from(action.due) : undefined })),
    },
    incidents,
    rollback,
    gtm,
    changes,
    // Relative links in the body resolve against the release page, as a browser resolves them.
    source: {
      file: source.file,
      entryId,
      internalLinks: findInternalLinks(source.body, source.bodyLine, hubReleasePath(product, input.version)),
      fieldLinks: summaryLinks(input, source),
    },
  };
}

/**
 * Why: `deployments` resolved to instants, with the `deployment` shorthand as the release
 * environment's; each environment must be hub.yaml's, each deployment's times in order, and the
 * environments reached in hub.yaml's order unless the release says why not (SPEC §5).
 */
function resolveDeployments(
  input: ReleaseInput,
  shorthand: { startedAt?: Temporal.ZonedDateTime; finishedAt?: Temporal.ZonedDateTime } | undefined,
  config: HubConfig,
  time: (path: PropertyKey[], value: string | undefined) => Temporal.ZonedDateTime | undefined,
  error: (path: PropertyKey[], message: string, fix?: string) => void,
): Deployment[] {
  const environments = environmentsOf(config);
  const ids = environments.map((environment) => environment.id);
  const releaseEnvironment = releaseEnvironmentOf(config).id;
  const listed = input.deployments.map((written, index): Deployment => {
    if (!ids.includes(written.environment)) {
      error(
        ['deployments', index, 'environment'],
        `"${written.environment}" is not an environment of hub.yaml`,
        suggestion(written.environment, ids) ?? `use one of ${ids.join(', ')}, or add it to hub.yaml environments`,
      );
    }
    const startedAt = time(['deployments', index, 'startedAt'], written.startedAt);
    const finishedAt = time(['deployments', index, 'finishedAt'], written.finishedAt);
    if (startedAt && finishedAt && compareTimes(finishedAt, startedAt) < 0) {
      error(['deployments', index, 'finishedAt'], `is before startedAt (${written.finishedAt} < ${written.startedAt})`, 'fix the deployment times');
    }
    if (input.deployment && written.environment === releaseEnvironment) {
      error(
        ['deployments', index, 'environment'],
        `is ${releaseEnvironment}, the release environment, which deployment: already records`,
        `keep one: move deployment: into this entry, or drop this entry`,
      );
    }
    const { environment, status, by, notes } = written;
    return {
      environment,
      status,
      ...(by ? { by } : {}),
      ...(notes ? { notes } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(finishedAt ? { finishedAt } : {}),
    };
  });
  const all = shorthand ? [...listed, shorthandDeployment(input, releaseEnvironment, shorthand)] : listed;
  if (input.deployments.length > 0 && input.skipEnvironments === undefined) {
    for (const issue of promotionIssues(all, environments, config.timezone)) {
      const path = issue.index < listed.length ? ['deployments', issue.index, 'environment'] : ['deployment'];
      error(path, issue.message, issue.fix);
    }
  }
  return all;
}

function resolveProduct(input: ReleaseInput, config: HubConfig, error: (path: PropertyKey[], message: string, fix?: string) => void): string | undefined {
  const ids = config.products.map((product) => product.id);
  if (input.product === undefined) {
    if (ids.length === 1) return ids[0];
    error(['product'], 'is required when the hub has more than one product', `add product: with one of ${ids.join(', ')}`);
    return undefined;
  }
  if (ids.includes(input.product)) return input.product;
  error(
    ['product'],
    `"${input.product}" is not a product of hub.yaml`,
    suggestion(input.product, ids) ?? `use one of ${ids.join(', ')}, or add the product to hub.yaml`,
  );
  return undefined;
}

/** Why: relative links in change summaries, with the line of each summary, for the link check after the build. */
function summaryLinks(input: ReleaseInput, source: YamlSource) {
  const fields = input.changes.map((change, index) => ({
    field: fieldPath(['changes', index, 'summary']),
    markdown: change.summary,
    lineOf: () => source.lineOf(['changes', index, 'summary']),
  }));
  return findFieldLinks(fields);
}

/** Why: a go-to-market plan with its days as dates (cross-check.ts checks them against the launch). */
function resolveGtm(gtm: NonNullable<ReleaseInput['gtm']>, launchDate: Temporal.ZonedDateTime | undefined): Gtm {
  return { ...gtm, launchDate, assets: gtm.assets.map((asset) => ({ ...asset, due: Temporal.PlainDate.from(asset.due) })) };
}

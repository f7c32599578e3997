/**
 * Upgrade paths (issue 20, item 1): "what changed between my version and the latest". For each
 * product, the versions a customer can be on are its changelog releases (public, shipped) whose
 * status is `released`, in SemVer order; a rolled-back version's changes were undone, so it is
 * neither a step nor a place to start from. The path from a version covers every public change of
 * the versions after it (exclusive) up to the latest (inclusive), grouped for someone upgrading:
 * breaking first, then security, deprecations and removals, then the rest, each change in version
 * order. Pure: no Astro imports.
 *
 * URLs: `/changelog/<product>/upgrade/<from>/` for every such version but the latest (at most one
 * page per version, never one per pair, each of bounded size: `UPGRADE_PAGE_CHANGES`), and
 * `/api/upgrade/<product>.json`, which holds every step, so a tool picks any from/to pair itself.
 */
import { oncePerHub } from '../core/per-hub.ts';
import { isPublicChange } from '../core/audience.ts';
import type { Change, ChangeType, Hub, Release } from '../core/model.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { releasePath, upgradePagePath } from '../core/urls.ts';
import type { DeployedRelease } from '../metrics/metrics.ts';
import { isoDateTime } from '../presentation/format.ts';
import { isChangelogRelease } from '../releases/changelog.ts';
import { productName } from '../releases/releases.ts';

/** The groups of an upgrade path, in the order a reader should act on them. */
export const UPGRADE_GROUPS = [
  { key: 'breaking', label: 'Breaking changes' },
  { key: 'security', label: 'Security' },
  { key: 'deprecations', label: 'Deprecations and removals' },
  { key: 'other', label: 'Other changes' },
] as const;
export type UpgradeGroupKey = (typeof UPGRADE_GROUPS)[number]['key'];

/**
 * Changes one upgrade page lists at most. The path from an old version spans most of a product's
 * history, and the page of every version after it most of that again: without a bound the pages'
 * bytes grow with the square of the releases (65 MB of upgrade pages at 1,000 generated releases).
 * A longer path is shown in parts: each page lists the versions after its from-version while their
 * changes fit (always at least one version), tallies the whole way to the latest, and links the
 * page that goes on from where it stopped, which is that version's own upgrade page.
 */
export const UPGRADE_PAGE_CHANGES = 120;

/** A heading of a release's notes that reads as a migration guide ("Migration guide", "Upgrading"). */
export interface MigrationGuide {
  release: Release;
  /** The heading's text. */
  text: string;
  /** Its id on the release page. */
  slug: string;
}

/** One change on an upgrade path, with the version that brought it. */
export interface UpgradeChange {
  release: Release;
  change: Change;
}

/** One group of an upgrade path (empty groups are kept, so a reader sees "none"). */
export interface UpgradeGroup {
  key: UpgradeGroupKey;
  label: string;
  changes: UpgradeChange[];
}

/** Everything between a from-version (exclusive) and a to-version (inclusive) of one product. */
export interface UpgradePath {
  product: string;
  productName: string;
  from: DeployedRelease;
  to: DeployedRelease;
  /** The versions after `from` up to `to`, oldest first. */
  steps: DeployedRelease[];
  groups: UpgradeGroup[];
  /** Migration guides of the steps' release notes, oldest first. */
  migrationGuides: MigrationGuide[];
}

/** Why: each change is in exactly one group: breaking wins, then security, then deprecated/removed. */
export function upgradeGroupOf(change: Pick<Change, 'type' | 'breaking'>): UpgradeGroupKey {
  if (change.breaking) return 'breaking';
  if (change.type === 'security') return 'security';
  if (change.type === 'deprecated' || change.type === 'removed') return 'deprecations';
  return 'other';
}

/** Why: a heading of the release notes is a migration guide when it says so ("Migration", "Migrating", "Upgrade", "Upgrading"). */
export function isMigrationHeading(text: string): boolean {
  return /\b(migrat|upgrad)/i.test(text);
}

/** Why: the versions a customer can be on (see the file comment), oldest first; computed once per hub and product. */
export const upgradeVersions: (hub: Hub, product: string) => DeployedRelease[] = oncePerHub((hub, product) =>
  hub.releases
    .filter((release): release is DeployedRelease => release.product === product && release.status === 'released' && isChangelogRelease(release))
    .sort((a, b) => compareVersionsDescending(b.version, a.version)),
);

/**
 * Why: the one grouping of an upgrade path, for its page and its JSON. `to` defaults to the latest
 * version; `guidesOf` gives the migration guides of a release's notes (the routes read the headings
 * of the compiled bodies). Undefined when `from` is not a version of the path or is not before `to`.
 */
export function upgradePath(
  hub: Hub,
  product: string,
  from: string,
  options: { to?: string; guidesOf?: (release: Release) => MigrationGuide[] } = {},
): UpgradePath | undefined {
  const versions = upgradeVersions(hub, product);
  const start = versions.findIndex((release) => release.version === from);
  const end = options.to === undefined ? versions.length - 1 : versions.findIndex((release) => release.version === options.to);
  if (start < 0 || end <= start) return undefined;
  const steps = versions.slice(start + 1, end + 1);
  const groups: UpgradeGroup[] = UPGRADE_GROUPS.map(({ key, label }) => ({ key, label, changes: [] }));
  const groupByKey = new Map(groups.map((group) => [group.key, group]));
  for (const release of steps) {
    for (const change of release.changes) {
      if (isPublicChange(release, change)) groupByKey.get(upgradeGroupOf(change))!.changes.push({ release, change });
    }
  }
  return {
    product,
    productName: productName(hub, product),
    from: versions[start]!,
    to: versions[end]!,
    steps,
    groups,
    migrationGuides: steps.flatMap((release) => options.guidesOf?.(release) ?? []),
  };
}

/** One upgrade page: the part of the path to the latest that it lists (`to`), and the whole way's tally. */
export interface UpgradePage extends UpgradePath {
  /** The product's latest version, where the whole path ends. */
  latest: DeployedRelease;
  /** The whole path to the latest: its versions and its changes per group. */
  wholePath: { steps: number; changes: Record<UpgradeGroupKey, number> };
  /** The version this page stops at when it is before the latest: the next part is its upgrade page. */
  next?: DeployedRelease;
}

/** Per product, running totals over its versions (oldest first): changes per group up to and including each version. */
interface RunningTotals {
  all: number[];
  byGroup: Record<UpgradeGroupKey, number[]>;
}

const runningTotals = oncePerHub((hub, product: string): RunningTotals => {
  const byGroup = Object.fromEntries(UPGRADE_GROUPS.map(({ key }) => [key, [] as number[]])) as Record<UpgradeGroupKey, number[]>;
  const all: number[] = [];
  const running = Object.fromEntries(UPGRADE_GROUPS.map(({ key }) => [key, 0])) as Record<UpgradeGroupKey, number>;
  let sum = 0;
  for (const release of upgradeVersions(hub, product)) {
    for (const change of release.changes) {
      if (!isPublicChange(release, change)) continue;
      running[upgradeGroupOf(change)]++;
      sum++;
    }
    all.push(sum);
    for (const { key } of UPGRADE_GROUPS) byGroup[key].push(running[key]);
  }
  return { all, byGroup };
});

/**
 * Why: the page of "upgrade from this version to the latest", bounded to `UPGRADE_PAGE_CHANGES`
 * (see there). Undefined when `from` is not a version of the product or is its latest.
 */
export function upgradePage(hub: Hub, product: string, from: string, guidesOf?: (release: Release) => MigrationGuide[]): UpgradePage | undefined {
  const versions = upgradeVersions(hub, product);
  const start = versions.findIndex((release) => release.version === from);
  const last = versions.length - 1;
  if (start < 0 || start >= last) return undefined;
  const totals = runningTotals(hub, product);
  // The furthest version whose changes since `from` still fit, found by bisection of the running totals.
  let end = start + 1;
  let low = start + 1;
  let high = last;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (totals.all[middle]! - totals.all[start]! <= UPGRADE_PAGE_CHANGES) {
      end = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const part = upgradePath(hub, product, from, { to: versions[end]!.version, guidesOf })!;
  const changes = Object.fromEntries(UPGRADE_GROUPS.map(({ key }) => [key, totals.byGroup[key][last]! - totals.byGroup[key][start]!])) as Record<
    UpgradeGroupKey,
    number
  >;
  return {
    ...part,
    latest: versions[last]!,
    wholePath: { steps: last - start, changes },
    ...(end < last ? { next: versions[end]! } : {}),
  };
}

/** Why: every upgrade page to pre-render: each version of each product but its latest. */
export function upgradePages(hub: Hub): DeployedRelease[] {
  return hub.config.products.flatMap((product) => upgradeVersions(hub, product.id).slice(0, -1));
}

const pagesByHub = new WeakMap<Hub, Set<string>>();

/** Why: changelog entries and release pages link to their upgrade page, when the release has one (it is a version and not the latest). */
export function upgradeLinkOf(hub: Hub, release: Release): string | undefined {
  let ids = pagesByHub.get(hub);
  if (!ids) {
    ids = new Set(upgradePages(hub).map((candidate) => candidate.id));
    pagesByHub.set(hub, ids);
  }
  return ids.has(release.id) ? upgradePagePath(release) : undefined;
}

/** One change in the upgrade JSON. */
export interface UpgradeChangeJson {
  type: ChangeType;
  group: UpgradeGroupKey;
  breaking: boolean;
  /** Markdown, as written. */
  summary: string;
}

/** `/api/upgrade/<product>.json`: every step of the product, oldest first, so a tool can take any span. */
export interface UpgradeDocument {
  product: string;
  productName: string;
  /** The latest version: where every upgrade page leads. */
  latest: string | null;
  /** The group order of the pages. */
  groups: { key: UpgradeGroupKey; label: string }[];
  versions: {
    version: string;
    /** Absolute URL of the release page. */
    url: string;
    /** Absolute URL of the page "upgrade from this version to the latest"; null for the latest. */
    upgradeUrl: string | null;
    releasedAt: string;
    changes: UpgradeChangeJson[];
    migrationGuides: { title: string; url: string }[];
  }[];
}

/** Why: tools compute any from/to span of a product from this one document (a span is the versions after `from` up to `to`). */
export function upgradeDocument(
  hub: Hub,
  product: string,
  absolute: (path: string) => string,
  guidesOf: (release: Release) => MigrationGuide[],
): UpgradeDocument {
  const versions = upgradeVersions(hub, product);
  return {
    product,
    productName: productName(hub, product),
    latest: versions.at(-1)?.version ?? null,
    groups: UPGRADE_GROUPS.map(({ key, label }) => ({ key, label })),
    versions: versions.map((release, index) => ({
      version: release.version,
      url: absolute(releasePath(release)),
      upgradeUrl: index < versions.length - 1 ? absolute(upgradePagePath(release)) : null,
      releasedAt: isoDateTime(release.deployment.finishedAt),
      changes: release.changes
        .filter((change) => isPublicChange(release, change))
        .map((change) => ({ type: change.type, group: upgradeGroupOf(change), breaking: change.breaking, summary: change.summary })),
      migrationGuides: guidesOf(release).map((guide) => ({ title: guide.text, url: absolute(`${releasePath(release)}#${guide.slug}`) })),
    })),
  };
}

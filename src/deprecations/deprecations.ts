/**
 * Deprecations and sunsets (issue 20, item 3): every public `deprecated` change of a shipped public
 * release (a changelog release: the customer view, the same in both builds), when it goes
 * (`removal`), and the release that removed it: the released release of the same product at
 * `removal.version` that has a public `removed` change. A removal day that has passed with no such
 * release is overdue (a build warning). A removal day is a sunset on the calendar (its ICS and its
 * month grid, `sunsets`). Pure: no Astro imports.
 *
 * URLs: `/changelog/<product>/sunsets/`, an anchor per deprecation (`deprecationAnchor`).
 */
import { Temporal } from 'temporal-polyfill';
import { isPublicChange } from '../core/audience.ts';
import type { Change, Hub, Release, Removal } from '../core/model.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { compareTimes } from '../core/time.ts';
import { sitePath } from '../core/urls.ts';
import { changelogEntries } from '../releases/changelog.ts';

/** Where a deprecation stands. */
export type DeprecationStatus = 'removed' | 'overdue' | 'announced';

/** One deprecated change. */
export interface Deprecation {
  /** The release that deprecated it. */
  release: Release;
  /** That release's time: the deprecation's "since". */
  since: Temporal.ZonedDateTime;
  change: Change;
  /** Its index in the release's changes: part of its anchor and of its ICS UID. */
  index: number;
  removal?: Removal;
  /** The release that removed it. */
  removedIn?: Release;
  status: DeprecationStatus;
  /** The id of its entry on the timeline. */
  anchor: string;
}

/** Why: one deprecation's permalink on the timeline, stable for its release and position. */
export function deprecationAnchor(release: Pick<Release, 'version'>, index: number): string {
  return `deprecated-${release.version.replace(/[^a-zA-Z0-9-]/g, '-')}-${index}`;
}

/** Why: a product's deprecation timeline. */
export function deprecationsPath(product: string): string {
  return sitePath(`/changelog/${product}/sunsets/`);
}

const byHub = new WeakMap<Hub, Map<string, Deprecation[]>>();

/**
 * Why: the timeline of a product, in the order things go: by removal day (undated last), then by
 * removal version, then by the deprecating version; computed once per hub, product and "now".
 */
export function deprecations(hub: Hub, product: string, now: Temporal.Instant): Deprecation[] {
  let cache = byHub.get(hub);
  if (!cache) {
    cache = new Map();
    byHub.set(hub, cache);
  }
  const key = `${product}\u0000${now.epochMilliseconds}`;
  let list = cache.get(key);
  if (!list) {
    const removers = new Map(
      hub.releases
        .filter((release) => release.product === product && release.status === 'released')
        .filter((release) => release.changes.some((change) => change.type === 'removed' && isPublicChange(release, change)))
        .map((release) => [release.version, release]),
    );
    list = changelogEntries(hub, product)
      .flatMap(({ release, time }) =>
        release.changes.flatMap((change, index) => {
          if (change.type !== 'deprecated' || !isPublicChange(release, change)) return [];
          const removedIn = change.removal?.version === undefined ? undefined : removers.get(change.removal.version);
          const overdue = !removedIn && change.removal?.date !== undefined && Temporal.Instant.compare(change.removal.date.toInstant(), now) <= 0;
          const status: DeprecationStatus = removedIn ? 'removed' : overdue ? 'overdue' : 'announced';
          return [{ release, since: time, change, index, removal: change.removal, removedIn, status, anchor: deprecationAnchor(release, index) }];
        }),
      )
      .sort(inRemovalOrder);
    cache.set(key, list);
  }
  return list;
}

function inRemovalOrder(a: Deprecation, b: Deprecation): number {
  const dateA = a.removal?.date;
  const dateB = b.removal?.date;
  if (dateA && dateB) {
    const byDate = compareTimes(dateA, dateB);
    if (byDate !== 0) return byDate;
  } else if (dateA || dateB) {
    return dateA ? -1 : 1;
  }
  const versionA = a.removal?.version;
  const versionB = b.removal?.version;
  if (versionA && versionB && versionA !== versionB) return compareVersionsDescending(versionB, versionA);
  if (versionA !== versionB) return versionA ? -1 : 1;
  return compareVersionsDescending(b.release.version, a.release.version) || a.index - b.index;
}

/** A deprecation with a removal day: a sunset. */
export type Sunset = Deprecation & { removal: Removal & { date: Temporal.ZonedDateTime } };

/** Why: one rule for the sunsets of the calendar (ICS events and month grid): every deprecation of these products with a removal day. */
export function sunsets(hub: Hub, products: readonly string[], now: Temporal.Instant): Sunset[] {
  return products.flatMap((product) => deprecations(hub, product, now).filter((deprecation): deprecation is Sunset => deprecation.removal?.date !== undefined));
}

/** Why: a release that removes deprecated features links back to each deprecation it ends. */
export function deprecationsRemovedBy(hub: Hub, release: Release, now: Temporal.Instant): Deprecation[] {
  return deprecations(hub, release.product, now).filter((deprecation) => deprecation.removedIn?.id === release.id);
}

/** A removal day that passed with no release removing the feature: an attention item of the deprecating release. */
export interface OverdueRemoval {
  /** The release whose change deprecates the feature. */
  release: string;
  /** The change's index in that release's `changes`. */
  index: number;
  file: string;
  /** Field path, e.g. `changes[3].removal.date`. */
  field: string;
  message: string;
  fix: string;
}

/** Why: a promised removal that did not happen is news for the team: the attention list says so, without failing the build. */
export function overdueRemovals(hub: Hub, now: Temporal.Instant): OverdueRemoval[] {
  return hub.config.products.flatMap((product) =>
    deprecations(hub, product.id, now)
      .filter((deprecation) => deprecation.status === 'overdue')
      .map(({ release, index, removal }) => ({
        release: release.id,
        index,
        file: release.source.file,
        field: `changes[${index}].removal.date`,
        message: `${removal!.date!.toPlainDate().toString()} has passed and no released ${product.id} release removes this deprecation${removal?.version ? ` (${removal.version})` : ''}`,
        fix: 'ship the removal (a removed change in the release of removal.version), or move the date',
      })),
  );
}

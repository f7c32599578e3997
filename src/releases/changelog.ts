/**
 * The customer changelog (SPEC §3): public releases that shipped — released or rolled back,
 * with a release time (`isDeployed`, the same "deployed" as the metrics) — with their public
 * changes only, newest first and SemVer order where times tie. The changelog pages and the
 * feeds read the same entries, in both builds.
 *
 * URLs: `/changelog/`, `/changelog/page/<n>/`, `/changelog/<product>/`, `/changelog/<product>/page/<n>/`;
 * each version has an anchor (`urls.ts` `changelogAnchor`) on the page that lists it.
 */
import { pageSlices } from './paging.ts';
import type { Temporal } from 'temporal-polyfill';
import { isPublicChange, isPublicRelease } from '../core/audience.ts';
import { isDeployed, type DeployedRelease } from '../metrics/metrics.ts';
import type { Hub, Release } from '../core/model.ts';
import { compareReleasesNewestFirst, groupChanges, productName, type GroupedChanges } from './releases.ts';
import { changelogAnchor, changelogPath } from '../core/urls.ts';

/** Entries per changelog page; entries are long (every change), so fewer than in the release listing. */
export const CHANGELOG_ENTRIES_PER_PAGE = 20;

/** One version in the changelog. */
export interface ChangelogEntry {
  /** The release as this build sees it (public view in a public build). */
  release: Release;
  productName: string;
  /** The release time: `deployment.finishedAt`. */
  time: Temporal.ZonedDateTime;
  /** Public changes only, grouped. */
  changes: GroupedChanges;
  rolledBack: boolean;
  /** The id of the entry on changelog pages. */
  anchor: string;
}

/** One pre-rendered changelog page. */
export interface ChangelogPage {
  /** The product of a product changelog; undefined for all products. */
  product?: string;
  /** 1-based. */
  page: number;
  pageCount: number;
  entries: ChangelogEntry[];
  path: string;
  /** `path` relative to `/changelog/` without slashes at the ends (the rest parameter), or undefined for `/changelog/`. */
  param: string | undefined;
}

/** Why: one rule for what customers see: public, shipped (released or rolled back) and with a release time. */
export function isChangelogRelease(release: Release): release is DeployedRelease {
  return isPublicRelease(release) && isDeployed(release);
}

const entriesByHub = new WeakMap<Hub, Map<string, ChangelogEntry[]>>();

/** Why: the changelog pages and feeds of one build share these entries, computed once per hub and product. */
export function changelogEntries(hub: Hub, product?: string): ChangelogEntry[] {
  let byProduct = entriesByHub.get(hub);
  if (!byProduct) {
    byProduct = new Map();
    entriesByHub.set(hub, byProduct);
  }
  const key = product ?? '';
  let entries = byProduct.get(key);
  if (!entries) {
    entries = hub.releases
      .filter(isChangelogRelease)
      .filter((release) => product === undefined || release.product === product)
      .sort(compareReleasesNewestFirst)
      .map((release) => toEntry(hub, release));
    byProduct.set(key, entries);
  }
  return entries;
}

function toEntry(hub: Hub, release: DeployedRelease): ChangelogEntry {
  return {
    release,
    productName: productName(hub, release.product),
    time: release.deployment.finishedAt,
    changes: groupChanges(release.changes.filter((change) => isPublicChange(release, change))),
    rolledBack: release.status === 'rolled-back',
    anchor: changelogAnchor(release),
  };
}

/** Why: the one URL scheme of changelog pages (see the file comment). */
export function changelogPagePath(product: string | undefined, page = 1): string {
  return page > 1 ? `${changelogPath(product)}page/${page}/` : changelogPath(product);
}

/** Why: every changelog page to pre-render: all products, then each hub.yaml product (also one without entries yet). */
export function changelogPages(hub: Hub): ChangelogPage[] {
  const products = [undefined, ...hub.config.products.map((product) => product.id)];
  return products.flatMap((product) => {
    const entries = changelogEntries(hub, product);
    return pageSlices(entries, CHANGELOG_ENTRIES_PER_PAGE).map(({ page, pageCount, items }) => {
      const path = changelogPagePath(product, page);
      return { product, page, pageCount, entries: items, path, param: path.slice(changelogPath().length, -1) || undefined };
    });
  });
}

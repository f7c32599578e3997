/**
 * The public roadmap (issue 20, item 4): per product, public releases that are in progress (Now),
 * scheduled (Next) or planned (Later), and the newest few that shipped. A release is "Shipped" only
 * when its status is `released`: an in-progress release with a deployment time is still Now, and a
 * rolled-back or cancelled one is on no lane. Internal releases and changes are never on it, in
 * either build. Pure: no Astro imports.
 *
 * URLs: `/roadmap/` and its feeds `/roadmap/rss.xml`, `/roadmap/atom.xml`, `/roadmap/feed.json`.
 */
import type { Temporal } from 'temporal-polyfill';
import { isPublicChange, isPublicRelease } from '../core/audience.ts';
import type { Change, Hub, Release } from '../core/model.ts';
import { compareVersionsDescending } from '../core/semver.ts';
import { compareTimes } from '../core/time.ts';
import { absoluteUrl, releasePath, sitePath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { isoDateTime } from '../presentation/format.ts';
import { FEED_ITEM_LIMIT, feedHtml, feedLocations, type ChangelogFeed } from '../releases/feeds.ts';
import { compareReleasesNewestFirst } from '../releases/releases.ts';

/** The lanes, in the order a reader scans them, with the status that puts a release on each. */
export const ROADMAP_LANES = [
  { key: 'now', label: 'Now', status: 'in-progress' },
  { key: 'next', label: 'Next', status: 'scheduled' },
  { key: 'later', label: 'Later', status: 'planned' },
] as const;
export type RoadmapLaneKey = (typeof ROADMAP_LANES)[number]['key'];

/** Shipped releases shown per product: the roadmap is about what is coming; the changelog has the rest. */
export const ROADMAP_SHIPPED_SHOWN = 3;

/** One release on the roadmap, with its public changes. */
export interface RoadmapItem {
  release: Release;
  lane: RoadmapLaneKey | 'shipped';
  changes: Change[];
  /** The planned window start (lanes) or the release time (shipped); undefined when not dated yet. */
  when?: Temporal.ZonedDateTime;
}

/** One product's roadmap. */
export interface ProductRoadmap {
  product: string;
  name: string;
  lanes: { key: RoadmapLaneKey; label: string; items: RoadmapItem[] }[];
  /** The newest shipped releases, newest first. */
  shipped: RoadmapItem[];
}

/** Why: the one rule of the roadmap (see the file comment): a public release's lane, or undefined when it is on none. */
export function roadmapLaneOf(release: Release): RoadmapItem['lane'] | undefined {
  if (!isPublicRelease(release)) return undefined;
  if (release.status === 'released') return 'shipped';
  return ROADMAP_LANES.find((lane) => lane.status === release.status)?.key;
}

function itemOf(release: Release, lane: RoadmapItem['lane']): RoadmapItem {
  const when = lane === 'shipped' ? release.deployment?.finishedAt : release.window?.start;
  return { release, lane, changes: release.changes.filter((change) => isPublicChange(release, change)), ...(when ? { when } : {}) };
}

/** Soonest first; not dated yet last; then SemVer. */
function soonestFirst(a: RoadmapItem, b: RoadmapItem): number {
  if (a.when && b.when) {
    const byTime = compareTimes(a.when, b.when);
    if (byTime !== 0) return byTime;
  } else if (a.when || b.when) {
    return a.when ? -1 : 1;
  }
  return compareVersionsDescending(b.release.version, a.release.version);
}

const roadmaps = new WeakMap<Hub, ProductRoadmap[]>();

/** Why: `/roadmap/` and its feed read the same lanes, computed once per hub, for every hub.yaml product. */
export function roadmap(hub: Hub): ProductRoadmap[] {
  let products = roadmaps.get(hub);
  if (!products) {
    products = hub.config.products.map((product) => {
      const releases = hub.releases.filter((release) => release.product === product.id);
      const on = (lane: RoadmapItem['lane']) => releases.filter((release) => roadmapLaneOf(release) === lane);
      return {
        product: product.id,
        name: product.name,
        lanes: ROADMAP_LANES.map(({ key, label }) => ({
          key,
          label,
          items: on(key)
            .map((release) => itemOf(release, key))
            .sort(soonestFirst),
        })),
        shipped: on('shipped')
          .sort(compareReleasesNewestFirst)
          .slice(0, ROADMAP_SHIPPED_SHOWN)
          .map((release) => itemOf(release, 'shipped')),
      };
    });
    roadmaps.set(hub, products);
  }
  return products;
}

/** Why: the roadmap's URL, also its feed's home page. */
export function roadmapPath(): string {
  return sitePath('/roadmap/');
}

/**
 * Why: a reader subscribes to what is coming. Items are the releases on the lanes (not the shipped
 * ones: the changelog feed has those); an item's id names its lane, so a release that moves from
 * Later to Next is a new item. Its date is the window start, else the build's "now".
 */
export function roadmapFeed(hub: Hub, now: Temporal.Instant): ChangelogFeed {
  const { config } = hub;
  const markdown = markdownForHub(hub);
  const base = roadmapPath();
  const items = roadmap(hub)
    .flatMap((product) => product.lanes.flatMap((lane) => lane.items.map((item) => ({ item, label: lane.label, name: product.name }))))
    .slice(0, FEED_ITEM_LIMIT)
    .map(({ item, label, name }) => {
      const { release } = item;
      const url = absoluteUrl(config.url, releasePath(release));
      const time = item.when?.toInstant() ?? now;
      const list = item.changes.map((change) => `<li>${markdown.inline(change.summary, release.product)}</li>`).join('');
      return {
        id: `${url}#roadmap-${item.lane}`,
        url,
        title: `${label}: ${name} ${release.version}${release.title ? `: ${release.title}` : ''}`,
        ...(release.summary ? { summary: markdown.text(release.summary, release.product) } : {}),
        contentHtml: feedHtml(`${release.summary ? markdown.block(release.summary, release.product) : ''}${list ? `<ul>${list}</ul>` : ''}`, url),
        published: new Date(time.epochMilliseconds),
        publishedIso: isoDateTime(time.toZonedDateTimeISO(config.timezone)),
        tags: [label],
      };
    });
  return {
    title: `${config.title} roadmap`,
    description: `What is coming in ${config.products.map((product) => product.name).join(' and ')}: now, next and later.`,
    ...feedLocations(config.url, base),
    updated: new Date(Math.max(0, ...items.map((item) => item.published.getTime()))),
    items,
  };
}

/**
 * Release trains' pages (issue 21): `/trains/` and `/trains/<id>/`, one combined changelog entry
 * of every member (changes grouped by type across products, breaking first), each member with its
 * status. Pure: computed from the build's hub, whose public view holds public trains with their
 * public members and changes only (src/core/audience.ts).
 */
import type { Change, ChangeType, Hub, Release, Train } from '../core/model.ts';
import { CHANGE_TYPES } from '../core/model.ts';
import { escapeHtml } from '../announce/escape.ts';
import { absoluteUrl, releasePath, trainPath } from '../core/urls.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { isoDateTime } from '../presentation/format.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { feedHtml, feedLocations, type ChangelogFeed, type ChangelogFeedItem } from '../releases/feeds.ts';
import { CHANGE_TYPE_LABELS, formatTimeRange, productName } from '../releases/releases.ts';

/** One change of the combined entry, with the release it ships in. */
export interface TrainChange {
  release: Release;
  productName: string;
  change: Change;
}

/** What a train's page shows. */
export interface TrainDetail {
  train: Train;
  /** The members in the file's order. */
  members: { release: Release; productName: string }[];
  /** Members that shipped (a release time, `deployment.finishedAt`). */
  shipped: number;
  /** Non-empty groups in Keep a Changelog order; breaking changes first in each. */
  groups: { type: ChangeType; label: string; changes: TrainChange[] }[];
}

/** Why: a train page resolves its member ids once, here; members the build's hub does not hold are left out. */
export function trainDetail(hub: Hub, train: Train): TrainDetail {
  const byId = new Map(hub.releases.map((release) => [release.id, release]));
  const members = train.members.flatMap((id) => {
    const release = byId.get(id);
    return release ? [{ release, productName: productName(hub, release.product) }] : [];
  });
  const all = members.flatMap(({ release, productName }) => release.changes.map((change) => ({ release, productName, change })));
  return {
    train,
    members,
    shipped: members.filter(({ release }) => release.deployment?.finishedAt !== undefined).length,
    groups: CHANGE_TYPES.map((type) => ({
      type,
      label: CHANGE_TYPE_LABELS[type],
      changes: all.filter(({ change }) => change.type === type).sort((a, b) => Number(b.change.breaking) - Number(a.change.breaking)),
    })).filter((group) => group.changes.length > 0),
  };
}

/** Why: trains in window order (then id), the same on every machine. */
export function sortTrains(trains: readonly Train[]): Train[] {
  return [...trains].sort((a, b) =>
    a.window.start.epochNanoseconds < b.window.start.epochNanoseconds
      ? -1
      : a.window.start.epochNanoseconds > b.window.start.epochNanoseconds
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
}

/** Why: a release page names the trains it ships in. */
export function trainsOf(hub: Hub, release: Pick<Release, 'id'>): Train[] {
  return hub.trains.filter((train) => train.members.includes(release.id));
}

/**
 * Why: `/trains/rss.xml` (and its Atom and JSON Feed twins): one item per train, its combined
 * changelog entry as the content. An item's date is the train's window start (known before it
 * ships, and stable), newest first; the HTML passes the feeds' one sanitizer (`feedHtml`).
 */
export function trainsFeed(hub: Hub): ChangelogFeed {
  const site = hub.config.url;
  const base = trainPath();
  const markdown = markdownForHub(hub);
  const zone = hub.config.timezone;
  const items = sortTrains(hub.trains)
    .reverse()
    .map((train): ChangelogFeedItem => {
      const url = absoluteUrl(site, trainPath(train.id));
      const detail = trainDetail(hub, train);
      const product = detail.members[0]?.release.product ?? '';
      const members = detail.members.map(
        ({ release, productName: name }) =>
          `<li><a href="${escapeHtml(absoluteUrl(site, releasePath(release)))}">${escapeHtml(`${name} ${release.version}`)}</a>: ${escapeHtml(STATUS_DISPLAY[release.status].label)}</li>`,
      );
      const groups = detail.groups.map(
        (group) =>
          `<h3>${escapeHtml(group.label)}</h3><ul>${group.changes
            .map(
              ({ release, productName: name, change }) =>
                `<li>${change.breaking ? '<strong>Breaking:</strong> ' : ''}${markdown.inline(change.summary, release.product)} (${escapeHtml(`${name} ${release.version}`)})</li>`,
            )
            .join('')}</ul>`,
      );
      const html = [
        train.summary ? markdown.block(train.summary, product) : '',
        `<p>${escapeHtml(`Window ${formatTimeRange(train.window.start, train.window.end, zone)} (${zone}). ${detail.shipped} of ${detail.members.length} shipped.`)}</p>`,
        `<h2>Releases</h2><ul>${members.join('')}</ul>`,
        groups.length > 0 ? `<h2>What changes</h2>${groups.join('')}` : '',
      ].join('');
      return {
        id: url,
        url,
        title: `Release train: ${train.title}`,
        summary: train.summary ? markdown.text(train.summary, product) : undefined,
        contentHtml: feedHtml(html, url),
        published: new Date(train.window.start.epochMilliseconds),
        publishedIso: isoDateTime(train.window.start.withTimeZone(zone)),
        tags: [],
      };
    });
  return {
    title: `${hub.config.title} release trains`,
    description: 'Releases of several products shipped together under one name and window.',
    ...feedLocations(site, base),
    updated: items[0]?.published ?? new Date(0),
    items,
  };
}

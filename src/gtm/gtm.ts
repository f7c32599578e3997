/**
 * Go-to-market plans (issue 21): a release's `gtm` — channels, assets with owners and due days, a
 * launch day and a checklist — and the GTM board (`/gtm/`, internal only). Pure: "now" goes in.
 *
 * Decisions where the issue is silent:
 * - A launch is a plan with `required: true` and a `launchDate`, of a release that is not
 *   cancelled. Its day is the date as written (in the release's zone); the calendar shows it on
 *   that day of the hub zone's grid.
 * - "Overdue" (one definition, `isAssetOverdue`): an asset not `done` whose due day is before
 *   today in the hub zone at the build's "now" (due today is not overdue yet). Assets of cancelled
 *   releases are never overdue.
 * - Upcoming launches: launch day today or later, soonest first; the board lists every one (a hub
 *   plans a handful of launches at a time), and past launches with open assets stay visible through
 *   their overdue assets.
 */
import { Temporal } from 'temporal-polyfill';
import type { Gtm, GtmAsset, GtmChannel, Hub, Release } from '../core/model.ts';
import { GTM_CHANNEL_LABELS } from '../presentation/glossary.ts';
import { productName } from '../releases/releases.ts';

/** A release with a launch: its plan needs one and has a day. */
export type LaunchingRelease = Release & { gtm: Gtm & { launchDate: Temporal.ZonedDateTime } };

/** Why: the one rule of which releases launch, for the board, the calendar and the dashboard. */
export function launchingReleases(releases: readonly Release[]): LaunchingRelease[] {
  return releases.filter(
    (release): release is LaunchingRelease => release.status !== 'cancelled' && release.gtm?.required === true && release.gtm.launchDate !== undefined,
  );
}

/** Why: a launch's day is the date its author wrote, whatever the zone the pages show. */
export function launchDay(release: LaunchingRelease): Temporal.PlainDate {
  return release.gtm.launchDate.toPlainDate();
}

/** Why: the one definition of an overdue asset (see the module comment). */
export function isAssetOverdue(asset: GtmAsset, now: Temporal.Instant, hubZone: string): boolean {
  return !asset.done && Temporal.PlainDate.compare(asset.due, now.toZonedDateTimeISO(hubZone).toPlainDate()) < 0;
}

/** One upcoming launch on the board. */
export interface BoardLaunch {
  release: Release;
  productName: string;
  day: Temporal.PlainDate;
  /** Days from today (0 is today). */
  inDays: number;
  owner?: string;
  channels: string[];
  assets: { done: number; total: number; overdue: number };
  checklist: { done: number; total: number };
}

/** One overdue asset on the board. */
export interface BoardAsset {
  release: Release;
  productName: string;
  asset: GtmAsset;
  /** The asset's index in `gtm.assets`. */
  index: number;
  channel?: string;
  owner: string;
  /** Whole days past due. */
  daysLate: number;
}

/** What `/gtm/` shows. */
export interface GtmBoard {
  upcoming: BoardLaunch[];
  overdue: BoardAsset[];
}

/** Why: the board of a hub at "now": upcoming launches (soonest first) and every overdue asset (most overdue first). */
export function gtmBoard(hub: Hub, now: Temporal.Instant): GtmBoard {
  const zone = hub.config.timezone;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const personName = (id: string) => hub.people.find((person) => person.id === id)?.name ?? id;
  const upcoming = launchingReleases(hub.releases)
    .map((release) => ({ release, day: launchDay(release) }))
    .filter(({ day }) => Temporal.PlainDate.compare(day, today) >= 0)
    .sort((a, b) => Temporal.PlainDate.compare(a.day, b.day) || compareText(a.release.id, b.release.id))
    .map(({ release, day }): BoardLaunch => {
      const { gtm } = release;
      return {
        release,
        productName: productName(hub, release.product),
        day,
        inDays: today.until(day, { largestUnit: 'days' }).days,
        ...(gtm.owner ? { owner: personName(gtm.owner) } : {}),
        channels: gtm.channels.map(channelLabel),
        assets: {
          done: gtm.assets.filter((asset) => asset.done).length,
          total: gtm.assets.length,
          overdue: gtm.assets.filter((asset) => isAssetOverdue(asset, now, zone)).length,
        },
        checklist: { done: gtm.checklist.filter((item) => item.done).length, total: gtm.checklist.length },
      };
    });
  const overdue = hub.releases
    .filter((release) => release.status !== 'cancelled')
    .flatMap((release) =>
      (release.gtm?.assets ?? []).flatMap((asset, index): BoardAsset[] =>
        isAssetOverdue(asset, now, zone)
          ? [
              {
                release,
                productName: productName(hub, release.product),
                asset,
                index,
                ...(asset.channel ? { channel: channelLabel(asset.channel) } : {}),
                owner: personName(asset.owner),
                daysLate: asset.due.until(today, { largestUnit: 'days' }).days,
              },
            ]
          : [],
      ),
    )
    .sort((a, b) => b.daysLate - a.daysLate || compareText(a.release.id, b.release.id) || a.index - b.index);
  return { upcoming, overdue };
}

/** Why: a channel as the pages name it ("Sales enablement"). */
export function channelLabel(channel: GtmChannel): string {
  return GTM_CHANNEL_LABELS[channel];
}

/** Code-point order, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
